using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Data.Entities.Acd;
using Parley.Data.Tenancy;
using Parley.Domain.Security;
using Parley.Server.Api.Skills;
using Parley.Server.Audit;
using Parley.Server.Auth;

namespace Parley.Server.Application.Admin;

/// <summary>
/// Skills for <c>/api/v1/skills</c> and the console's <c>/admin/skills</c>: list (filtered, sorted, windowed by the database),
/// read with the agents and queues that use the skill, create, update with the version read, delete (refused while an agent
/// holds it or a queue requires it). Needs <c>skills.read</c> / <c>skills.write</c>; another tenant's skill is not found.
/// </summary>
internal sealed class SkillAdmin(ParleyDbContext db, TenantContext tenant, AuditScope audit, TimeProvider time)
{
    public async Task<AppResult<ListPage<SkillDto>>> ListAsync(CurrentActor actor, ListQuery query, CancellationToken ct)
    {
        if (tenant.Require(actor, Permissions.SkillsRead) is { } refused)
        {
            return refused;
        }

        var rows = db.Skills.AsNoTracking();
        if (query.Needle is { } needle)
        {
            rows = rows.Where(s => s.Name.ToLower().Contains(needle) || (s.Description != null && s.Description.ToLower().Contains(needle)));
        }

        var sorted = query.Sort == "description"
            ? rows.SortBy(s => s.Description, query.Descending).ThenBy(s => s.Name)
            : rows.SortBy(s => s.Name, query.Descending);
        return AppResult<ListPage<SkillDto>>.Ok(await sorted.ToListPageAsync(query, SkillDto.From, ct));
    }

    public async Task<AppResult<SkillDto>> GetAsync(CurrentActor actor, Guid id, CancellationToken ct)
    {
        if (tenant.Require(actor, Permissions.SkillsRead) is { } refused)
        {
            return refused;
        }

        return await db.Skills.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct) is { } skill
            ? AppResult<SkillDto>.Ok(SkillDto.From(skill))
            : AppError.NotFound();
    }

    /// <summary>The agents who hold the skill (with their proficiency) and the queues that require it, by name.</summary>
    public async Task<AppResult<SkillUsage>> UsageAsync(CurrentActor actor, Guid id, CancellationToken ct)
    {
        if (tenant.Require(actor, Permissions.SkillsRead) is { } refused)
        {
            return refused;
        }

        return AppResult<SkillUsage>.Ok(await UsageOfAsync(id, ct));
    }

    public async Task<AppResult<SkillDto>> CreateAsync(CurrentActor actor, SkillRequest request, CancellationToken ct)
    {
        if ((tenant.Require(actor, Permissions.SkillsWrite) ?? RequestChecks.Check(request)) is { } refused)
        {
            return refused;
        }

        var skill = new Skill { Id = Guid.CreateVersion7(), TenantId = actor.TenantId, Name = request.Name, CreatedAt = time.GetUtcNow() };
        if (await ApplyAsync(request, skill, ct) is { } invalid)
        {
            return invalid;
        }

        db.Skills.Add(skill);
        await db.SaveChangesAsync(ct);
        audit.Target("skill", skill.Id).Describe($"created skill '{skill.Name}'");
        return AppResult<SkillDto>.Ok(SkillDto.From(skill));
    }

    /// <summary>Replaces the skill if it is still at <paramref name="expectedVersion"/> (null: whatever it is now).</summary>
    public async Task<AppResult<SkillDto>> UpdateAsync(CurrentActor actor, Guid id, long? expectedVersion, SkillRequest request, CancellationToken ct)
    {
        if ((tenant.Require(actor, Permissions.SkillsWrite) ?? RequestChecks.Check(request)) is { } refused)
        {
            return refused;
        }

        var updated = await AdminWrites.UpdateAsync(db, db.Skills, s => s.Id == id, expectedVersion, s => ApplyAsync(request, s, ct), _ => db.SaveChangesAsync(ct), ct);
        return updated.Then(s => audit.Target("skill", s.Id).Describe($"updated skill '{s.Name}'"), SkillDto.From);
    }

    public async Task<AppResult<Done>> DeleteAsync(CurrentActor actor, Guid id, CancellationToken ct)
    {
        if (tenant.Require(actor, Permissions.SkillsWrite) is { } refused)
        {
            return refused;
        }

        var deleted = await AdminWrites.DeleteAsync(db, db.Skills, s => s.Id == id, InUseAsync, _ => db.SaveChangesAsync(ct), ct);
        return deleted.Then(s => audit.Target("skill", id).Describe($"deleted skill '{s.Name}'"));

        async Task<AppError?> InUseAsync(Skill skill)
        {
            var usage = await UsageOfAsync(skill.Id, ct);
            return usage.InUse ? AppError.Conflict($"Still in use by {usage.Describe()}; remove the skill from them first.") : null;
        }
    }

    private async Task<AppError?> ApplyAsync(SkillRequest request, Skill skill, CancellationToken ct)
    {
        if (await db.Skills.AnyAsync(s => s.Name == request.Name && s.Id != skill.Id, ct))
        {
            return AppError.Conflict($"A skill named '{request.Name}' exists already.");
        }

        skill.Name = request.Name;
        skill.Description = request.Description;
        return null;
    }

    private async Task<SkillUsage> UsageOfAsync(Guid id, CancellationToken ct)
    {
        // Agents' skills and queues' requirements are stored with their rows: read the tenant's rows and look inside.
        var agents = await db.Agents.AsNoTracking().OrderBy(a => a.DisplayName).ToListAsync(ct);
        var queues = await db.Queues.AsNoTracking().OrderBy(q => q.Name).ToListAsync(ct);
        return new SkillUsage(
            [.. agents.SelectMany(a => a.Skills.Where(s => s.SkillId == id).Select(s => new SkillHolder(a.Id, a.DisplayName, s.Proficiency)))],
            [.. queues.SelectMany(q => q.RequiredSkills.Where(s => s.SkillId == id).Select(s => new SkillHolder(q.Id, q.Name, s.MinProficiency)))]);
    }
}
