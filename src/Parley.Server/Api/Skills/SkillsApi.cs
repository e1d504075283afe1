using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Data.Entities.Acd;
using Parley.Domain.Security;
using Parley.Server.Api.Conventions;
using Parley.Server.Audit;
using Parley.Server.Auth;

namespace Parley.Server.Api.Skills;

/// <summary><c>/api/v1/skills</c>: what agents know and queues require.</summary>
public static class SkillsApi
{
    public static RouteGroupBuilder MapSkillsApi(this RouteGroupBuilder api)
    {
        var skills = api.MapGroup("/skills").WithTags("Skills");
        skills.MapGet("/", ListAsync).RequirePermission(Permissions.SkillsRead);
        skills.MapGet("/{id:guid}", GetAsync).RequirePermission(Permissions.SkillsRead);
        skills.MapPost("/", CreateAsync).RequirePermission(Permissions.SkillsWrite).Audited("skills.create");
        skills.MapPut("/{id:guid}", UpdateAsync).RequirePermission(Permissions.SkillsWrite).Audited("skills.update");
        skills.MapDelete("/{id:guid}", DeleteAsync).RequirePermission(Permissions.SkillsWrite).Audited("skills.delete");
        return api;
    }

    private static Task<IResult> ListAsync(ParleyDbContext db, [AsParameters] PageRequest page, CancellationToken ct) =>
        db.Skills.AsNoTracking().ToPageResultAsync(s => s.Name, page, SkillDto.From, ct);

    private static async Task<IResult> GetAsync(Guid id, HttpContext http, ParleyDbContext db, CancellationToken ct)
    {
        return await db.Skills.AsNoTracking().Where(s => s.Id == id).ToETaggedResultAsync(http, SkillDto.From, ct);
    }

    private static async Task<IResult> CreateAsync(SkillRequest request, HttpContext http, ParleyDbContext db, AuditScope audit, TimeProvider time, CancellationToken ct)
    {
        if (await db.Skills.AnyAsync(s => s.Name == request.Name, ct))
        {
            return ApiProblems.Conflict($"A skill named '{request.Name}' exists already.");
        }

        var skill = new Skill
        {
            Id = Guid.CreateVersion7(),
            TenantId = CurrentActor.Require(http.User).TenantId,
            Name = request.Name,
            Description = request.Description,
            CreatedAt = time.GetUtcNow(),
        };
        db.Skills.Add(skill);
        await db.SaveChangesAsync(ct);
        audit.Target("skill", skill.Id).Describe($"created skill '{skill.Name}'");
        ETags.Set(http, skill.Version);
        return TypedResults.Created($"/api/v1/skills/{skill.Id}", SkillDto.From(skill));
    }

    private static async Task<IResult> UpdateAsync(Guid id, SkillRequest request, HttpContext http, ParleyDbContext db, AuditScope audit, CancellationToken ct)
    {
        var skill = await db.Skills.SingleOrDefaultAsync(s => s.Id == id, ct);
        if (skill is null)
        {
            return ApiProblems.NotFound();
        }

        if (ETags.CheckIfMatch(http, skill.Version) is { } precondition)
        {
            return precondition;
        }

        if (await db.Skills.AnyAsync(s => s.Name == request.Name && s.Id != id, ct))
        {
            return ApiProblems.Conflict($"A skill named '{request.Name}' exists already.");
        }

        skill.Name = request.Name;
        skill.Description = request.Description;
        await db.SaveChangesAsync(ct);
        audit.Target("skill", skill.Id).Describe($"updated skill '{skill.Name}'");
        ETags.Set(http, skill.Version);
        return TypedResults.Ok(SkillDto.From(skill));
    }

    private static async Task<IResult> DeleteAsync(Guid id, ParleyDbContext db, AuditScope audit, CancellationToken ct)
    {
        var skill = await db.Skills.SingleOrDefaultAsync(s => s.Id == id, ct);
        if (skill is null)
        {
            return ApiProblems.NotFound();
        }

        var agents = await db.Agents.AsNoTracking().ToListAsync(ct);
        var queues = await db.Queues.AsNoTracking().ToListAsync(ct);
        if (agents.Any(a => a.Skills.Any(s => s.SkillId == id)) || queues.Any(q => q.RequiredSkills.Any(s => s.SkillId == id)))
        {
            return ApiProblems.Conflict("Agents or queues still use this skill; remove it from them first.");
        }

        db.Skills.Remove(skill);
        await db.SaveChangesAsync(ct);
        audit.Target("skill", skill.Id).Describe($"deleted skill '{skill.Name}'");
        return TypedResults.NoContent();
    }
}
