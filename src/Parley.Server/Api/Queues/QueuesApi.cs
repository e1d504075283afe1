using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Data.Entities.Acd;
using Parley.Domain.Security;
using Parley.Server.Api.Conventions;
using Parley.Server.Audit;
using Parley.Server.Auth;
using Parley.Server.Routing;
using Parley.Server.Voice;

namespace Parley.Server.Api.Queues;

/// <summary><c>/api/v1/queues</c>: skill queues; every change reaches the tenant's routing engine at once.</summary>
public static class QueuesApi
{
    private static readonly VersionedResource<Queue, QueueDto> Queues = new("queue", "/api/v1/queues", db => db.Queues, q => q.Id, QueueDto.From);

    public static RouteGroupBuilder MapQueuesApi(this RouteGroupBuilder api)
    {
        var queues = api.MapGroup("/queues").WithTags("Queues");
        Queues.MapReads(queues, Permissions.QueuesRead, q => q.Name);
        // Writes are mapped here, as method groups, so the request validation generator sees their bodies.
        queues.MapPost("/", CreateAsync).RequirePermission(Permissions.QueuesWrite).Audited("queues.create");
        queues.MapPut("/{id:guid}", UpdateAsync).RequirePermission(Permissions.QueuesWrite).Audited("queues.update");
        queues.MapDelete("/{id:guid}", DeleteAsync).RequirePermission(Permissions.QueuesWrite).Audited("queues.delete");
        queues.MapGet("/{id:guid}/waiting", QueueWaiting.GetAsync).RequirePermission(Permissions.InteractionsRead);
        return api;
    }

    private static Task<IResult> CreateAsync(
        QueueRequest request, HttpContext http, ParleyDbContext db, RoutingGateway routing, QueueCallerSettingsCache callers, AuditScope audit, TimeProvider time, CancellationToken ct)
    {
        var queue = new Queue { Id = Guid.CreateVersion7(), TenantId = CurrentActor.Require(http.User).TenantId, Name = request.Name, CreatedAt = time.GetUtcNow() };
        return Queues.CreateAsync(
            db, http, audit, queue, q => QueueRequestRules.ApplyAsync(request, q, db, ct), q => $"created queue '{q.Name}' ({string.Join("+", q.Channels)}, {q.Strategy})", ct, Refresh(routing, callers));
    }

    private static Task<IResult> UpdateAsync(
        Guid id, QueueRequest request, HttpContext http, ParleyDbContext db, RoutingGateway routing, QueueCallerSettingsCache callers, AuditScope audit, CancellationToken ct) =>
        Queues.UpdateAsync(db, http, audit, id, q => QueueRequestRules.ApplyAsync(request, q, db, ct), q => $"updated queue '{q.Name}'", ct, Refresh(routing, callers));

    private static Task<IResult> DeleteAsync(Guid id, ParleyDbContext db, RoutingGateway routing, QueueCallerSettingsCache callers, AuditScope audit, CancellationToken ct) =>
        Queues.DeleteAsync(
            db, audit, id, _ => OverflowTargetAsync(id, db, ct), q => $"deleted queue '{q.Name}'; its waiting interactions were disconnected", ct, Refresh(routing, callers));

    private static async Task<IResult?> OverflowTargetAsync(Guid id, ParleyDbContext db, CancellationToken ct) =>
        await db.Queues.AnyAsync(q => q.OverflowQueueId == id, ct) ? ApiProblems.Conflict("Other queues overflow to this one; change them first.") : null;

    /// <summary>Every change reaches the tenant's routing engine and the callers' settings once it is saved.</summary>
    private static Func<Queue, Task> Refresh(RoutingGateway routing, QueueCallerSettingsCache callers) => queue =>
    {
        callers.Invalidate(queue.TenantId, queue.Id);
        return routing.Grain.RefreshQueue(RoutingDefinitions.Key(queue.Id));
    };
}
