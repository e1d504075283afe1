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
    private static readonly VersionedResource<Skill, SkillDto> Skills = new("skill", "/api/v1/skills", db => db.Skills, s => s.Id, SkillDto.From);

    public static RouteGroupBuilder MapSkillsApi(this RouteGroupBuilder api)
    {
        var skills = api.MapGroup("/skills").WithTags("Skills");
        Skills.MapReads(skills, Permissions.SkillsRead, s => s.Name);
        // Writes are mapped here, as method groups, so the request validation generator sees their bodies.
        skills.MapPost("/", CreateAsync).RequirePermission(Permissions.SkillsWrite).Audited("skills.create");
        skills.MapPut("/{id:guid}", UpdateAsync).RequirePermission(Permissions.SkillsWrite).Audited("skills.update");
        skills.MapDelete("/{id:guid}", DeleteAsync).RequirePermission(Permissions.SkillsWrite).Audited("skills.delete");
        return api;
    }

    private static Task<IResult> CreateAsync(SkillRequest request, HttpContext http, ParleyDbContext db, AuditScope audit, TimeProvider time, CancellationToken ct)
    {
        var skill = new Skill { Id = Guid.CreateVersion7(), TenantId = CurrentActor.Require(http.User).TenantId, Name = request.Name, CreatedAt = time.GetUtcNow() };
        return Skills.CreateAsync(db, http, audit, skill, s => ApplyAsync(request, s, db, ct), s => $"created skill '{s.Name}'", ct);
    }

    private static Task<IResult> UpdateAsync(Guid id, SkillRequest request, HttpContext http, ParleyDbContext db, AuditScope audit, CancellationToken ct) =>
        Skills.UpdateAsync(db, http, audit, id, s => ApplyAsync(request, s, db, ct), s => $"updated skill '{s.Name}'", ct);

    private static Task<IResult> DeleteAsync(Guid id, ParleyDbContext db, AuditScope audit, CancellationToken ct) =>
        Skills.DeleteAsync(db, audit, id, _ => InUseAsync(id, db, ct), s => $"deleted skill '{s.Name}'", ct);

    private static async Task<IResult?> ApplyAsync(SkillRequest request, Skill skill, ParleyDbContext db, CancellationToken ct)
    {
        if (await db.Skills.AnyAsync(s => s.Name == request.Name && s.Id != skill.Id, ct))
        {
            return ApiProblems.Conflict($"A skill named '{request.Name}' exists already.");
        }

        skill.Name = request.Name;
        skill.Description = request.Description;
        return null;
    }

    private static async Task<IResult?> InUseAsync(Guid id, ParleyDbContext db, CancellationToken ct)
    {
        var agents = await db.Agents.AsNoTracking().ToListAsync(ct);
        var queues = await db.Queues.AsNoTracking().ToListAsync(ct);
        return agents.Any(a => a.Skills.Any(s => s.SkillId == id)) || queues.Any(q => q.RequiredSkills.Any(s => s.SkillId == id))
            ? ApiProblems.Conflict("Agents or queues still use this skill; remove it from them first.")
            : null;
    }
}
