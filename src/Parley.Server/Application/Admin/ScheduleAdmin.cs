using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Data.Entities.Flows;
using Parley.Data.Tenancy;
using Parley.Domain.Security;
using Parley.Server.Api.Flows;
using Parley.Server.Api.Schedules;
using Parley.Server.Audit;
using Parley.Server.Auth;

namespace Parley.Server.Application.Admin;

/// <summary>
/// Business-hours schedules for <c>/api/v1/schedules</c> and the console's <c>/admin/schedules</c>: list, read, create, update
/// with the version read (a different one is <see cref="AppErrorKind.Stale"/>), delete unless a flow or chat widget reads it.
/// Needs <c>flows.read</c>/<c>flows.write</c>; another tenant's schedule is not found. Field errors are keyed by JSON Pointer
/// (<c>/weekly/0</c>).
/// </summary>
internal sealed class ScheduleAdmin(ParleyDbContext db, TenantContext tenant, AuditScope audit, TimeProvider time)
{
    public async Task<AppResult<ListPage<ScheduleDto>>> ListAsync(CurrentActor actor, ListQuery query, CancellationToken ct)
    {
        if (tenant.Require(actor, Permissions.FlowsRead) is { } refused)
        {
            return refused;
        }

        var rows = db.Schedules.AsNoTracking();
        if (query.Needle is { } needle)
        {
            rows = rows.Where(s => s.Name.ToLower().Contains(needle));
        }

        var sorted = query.Sort == "timeZone" ? rows.SortBy(s => s.TimeZone, query.Descending).ThenBy(s => s.Name) : rows.SortBy(s => s.Name, query.Descending);
        return AppResult<ListPage<ScheduleDto>>.Ok(await sorted.ToListPageAsync(query, ScheduleDto.From, ct));
    }

    public async Task<AppResult<ScheduleDto>> GetAsync(CurrentActor actor, Guid id, CancellationToken ct)
    {
        if (tenant.Require(actor, Permissions.FlowsRead) is { } refused)
        {
            return refused;
        }

        return await db.Schedules.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct) is { } schedule
            ? AppResult<ScheduleDto>.Ok(ScheduleDto.From(schedule))
            : AppError.NotFound();
    }

    public async Task<AppResult<ScheduleDto>> CreateAsync(CurrentActor actor, ScheduleRequest request, CancellationToken ct)
    {
        if (tenant.Require(actor, Permissions.FlowsWrite) is { } refused)
        {
            return refused;
        }

        var schedule = new Schedule { Id = Guid.CreateVersion7(), TenantId = actor.TenantId, Name = "", Json = "{}", CreatedAt = time.GetUtcNow() };
        if (ProblemErrors.From(await ScheduleRules.ApplyAsync(request, schedule, db, ct)) is { } invalid)
        {
            return invalid;
        }

        db.Schedules.Add(schedule);
        await db.SaveChangesAsync(ct);
        audit.Target("schedule", schedule.Id).Describe($"created schedule '{schedule.Name}'");
        return AppResult<ScheduleDto>.Ok(ScheduleDto.From(schedule));
    }

    /// <summary>Replaces the schedule if it is still at <paramref name="expectedVersion"/> (null: whatever it is now).</summary>
    public async Task<AppResult<ScheduleDto>> UpdateAsync(CurrentActor actor, Guid id, long? expectedVersion, ScheduleRequest request, CancellationToken ct)
    {
        if (tenant.Require(actor, Permissions.FlowsWrite) is { } refused)
        {
            return refused;
        }

        var updated = await AdminWrites.UpdateAsync(
            db, db.Schedules, s => s.Id == id, expectedVersion, async s => ProblemErrors.From(await ScheduleRules.ApplyAsync(request, s, db, ct)), _ => db.SaveChangesAsync(ct), ct);
        return updated.Then(s => audit.Target("schedule", s.Id).Describe($"updated schedule '{s.Name}'"), ScheduleDto.From);
    }

    public async Task<AppResult<Done>> DeleteAsync(CurrentActor actor, Guid id, CancellationToken ct)
    {
        if (tenant.Require(actor, Permissions.FlowsWrite) is { } refused)
        {
            return refused;
        }

        var deleted = await AdminWrites.DeleteAsync(db, db.Schedules, s => s.Id == id, s => ReaderAsync(s.Id, ct), _ => db.SaveChangesAsync(ct), ct);
        return deleted.Then(s => audit.Target("schedule", id).Describe($"deleted schedule '{s.Name}'"));
    }

    /// <summary>A conflict naming the flow or chat widget that reads the schedule, or null when none does.</summary>
    private async Task<AppError?> ReaderAsync(Guid id, CancellationToken ct)
    {
        if (await FlowUsage.FindScheduleUserAsync(db, id, ct) is { } user)
        {
            return AppError.Conflict($"{user} reads this schedule; change it first.");
        }

        return await db.ChatWidgets.Where(w => w.ScheduleId == id).Select(w => w.Name).FirstOrDefaultAsync(ct) is { } widget
            ? AppError.Conflict($"Chat widget '{widget}' keeps these hours; change it first.")
            : null;
    }
}
