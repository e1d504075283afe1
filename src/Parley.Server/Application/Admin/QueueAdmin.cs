using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Data.Entities.Acd;
using Parley.Data.Tenancy;
using Parley.Domain.Security;
using Parley.Server.Api.Queues;
using Parley.Server.Audit;
using Parley.Server.Auth;
using Parley.Server.Routing;
using Parley.Server.Voice;

namespace Parley.Server.Application.Admin;

/// <summary>
/// Skill queues for <c>/api/v1/queues</c> and the console's <c>/admin/queues</c>: list (filtered, sorted and windowed by the
/// database), read, create, update with the version read (a different one is <see cref="AppErrorKind.Stale"/>: REST's
/// If-Match), delete. Needs <c>queues.read</c>/<c>queues.write</c>; another tenant's queue is not found. Every saved change
/// reaches the tenant's routing engine and the callers' settings at once, and describes itself for the audit entry.
/// </summary>
internal sealed class QueueAdmin(
    ParleyDbContext db, TenantContext tenant, RoutingGateway routing, QueueCallerSettingsCache callers, AuditScope audit, TimeProvider time)
{
    /// <summary>The columns a list may sort by (the default is the name).</summary>
    public static readonly IReadOnlyList<string> SortColumns = ["name", "strategy", "priority", "serviceLevelTargetSeconds"];

    public async Task<AppResult<ListPage<QueueDto>>> ListAsync(CurrentActor actor, ListQuery query, CancellationToken ct)
    {
        if (tenant.Require(actor, Permissions.QueuesRead) is { } refused)
        {
            return refused;
        }

        var rows = db.Queues.AsNoTracking();
        if (query.Needle is { } needle)
        {
            rows = rows.Where(q => q.Name.ToLower().Contains(needle));
        }

        var sorted = query.Sort switch
        {
            "strategy" => rows.SortBy(q => q.Strategy, query.Descending).ThenBy(q => q.Name),
            "priority" => rows.SortBy(q => q.Priority, query.Descending).ThenBy(q => q.Name),
            "serviceLevelTargetSeconds" => rows.SortBy(q => q.ServiceLevelTargetSeconds, query.Descending).ThenBy(q => q.Name),
            _ => rows.SortBy(q => q.Name, query.Descending),
        };
        return AppResult<ListPage<QueueDto>>.Ok(await sorted.ToListPageAsync(query, QueueDto.From, ct));
    }

    public async Task<AppResult<QueueDto>> GetAsync(CurrentActor actor, Guid id, CancellationToken ct)
    {
        if (tenant.Require(actor, Permissions.QueuesRead) is { } refused)
        {
            return refused;
        }

        return await db.Queues.AsNoTracking().SingleOrDefaultAsync(q => q.Id == id, ct) is { } queue ? AppResult<QueueDto>.Ok(QueueDto.From(queue)) : AppError.NotFound();
    }

    /// <summary>What a queue form picks from: every skill (its required skills) and every queue (where it overflows), by name.</summary>
    public async Task<AppResult<QueueChoices>> ChoicesAsync(CurrentActor actor, CancellationToken ct)
    {
        if (tenant.Require(actor, Permissions.QueuesRead) is { } refused)
        {
            return refused;
        }

        var skills = await db.Skills.AsNoTracking().OrderBy(s => s.Name).Select(s => new Choice(s.Id, s.Name)).ToListAsync(ct);
        var queues = await db.Queues.AsNoTracking().OrderBy(q => q.Name).Select(q => new Choice(q.Id, q.Name)).ToListAsync(ct);
        return AppResult<QueueChoices>.Ok(new QueueChoices(skills, queues));
    }

    public async Task<AppResult<QueueDto>> CreateAsync(CurrentActor actor, QueueRequest request, CancellationToken ct)
    {
        if ((tenant.Require(actor, Permissions.QueuesWrite) ?? RequestChecks.Check(request)) is { } refused)
        {
            return refused;
        }

        var queue = new Queue { Id = Guid.CreateVersion7(), TenantId = actor.TenantId, Name = request.Name, CreatedAt = time.GetUtcNow() };
        if (ProblemErrors.From(await QueueRequestRules.ApplyAsync(request, queue, db, ct)) is { } invalid)
        {
            return invalid;
        }

        db.Queues.Add(queue);
        await SavedAsync(queue, ct);
        audit.Target("queue", queue.Id).Describe($"created queue '{queue.Name}' ({string.Join("+", queue.Channels)}, {queue.Strategy})");
        return AppResult<QueueDto>.Ok(QueueDto.From(queue));
    }

    /// <summary>Replaces the queue if it is still at <paramref name="expectedVersion"/> (null: whatever it is now).</summary>
    public async Task<AppResult<QueueDto>> UpdateAsync(CurrentActor actor, Guid id, long? expectedVersion, QueueRequest request, CancellationToken ct)
    {
        if ((tenant.Require(actor, Permissions.QueuesWrite) ?? RequestChecks.Check(request)) is { } refused)
        {
            return refused;
        }

        var updated = await AdminWrites.UpdateAsync(
            db, db.Queues, q => q.Id == id, expectedVersion, async q => ProblemErrors.From(await QueueRequestRules.ApplyAsync(request, q, db, ct)), q => SavedAsync(q, ct), ct);
        return updated.Then(q => audit.Target("queue", q.Id).Describe($"updated queue '{q.Name}'"), QueueDto.From);
    }

    public async Task<AppResult<Done>> DeleteAsync(CurrentActor actor, Guid id, CancellationToken ct)
    {
        if (tenant.Require(actor, Permissions.QueuesWrite) is { } refused)
        {
            return refused;
        }

        var deleted = await AdminWrites.DeleteAsync(db, db.Queues, q => q.Id == id, OverflowTargetAsync, q => SavedAsync(q, ct), ct);
        return deleted.Then(q => audit.Target("queue", id).Describe($"deleted queue '{q.Name}'; its waiting interactions were disconnected"));

        async Task<AppError?> OverflowTargetAsync(Queue queue) =>
            await db.Queues.AnyAsync(q => q.OverflowQueueId == queue.Id, ct) ? AppError.Conflict("Other queues overflow to this one; change them first.") : null;
    }

    /// <summary>Saves, then tells the routing engine and the callers' settings.</summary>
    private async Task SavedAsync(Queue queue, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        await AnnounceAsync(routing, callers, queue);
    }

    /// <summary>Tells the tenant's routing engine and the callers' settings that a saved queue changed.</summary>
    internal static async Task AnnounceAsync(RoutingGateway routing, QueueCallerSettingsCache callers, Queue queue)
    {
        callers.Invalidate(queue.TenantId, queue.Id);
        await routing.Grain.RefreshQueue(RoutingDefinitions.Key(queue.Id));
    }
}
