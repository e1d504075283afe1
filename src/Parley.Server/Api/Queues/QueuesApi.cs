using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Data.Entities.Acd;
using Parley.Domain.Security;
using Parley.Server.Api.Conventions;
using Parley.Server.Audit;
using Parley.Server.Auth;
using Parley.Server.Routing;

namespace Parley.Server.Api.Queues;

/// <summary><c>/api/v1/queues</c>: skill queues; every change reaches the tenant's routing engine at once.</summary>
public static class QueuesApi
{
    public static RouteGroupBuilder MapQueuesApi(this RouteGroupBuilder api)
    {
        var queues = api.MapGroup("/queues").WithTags("Queues");
        queues.MapGet("/", ListAsync).RequirePermission(Permissions.QueuesRead);
        queues.MapGet("/{id:guid}", GetAsync).RequirePermission(Permissions.QueuesRead);
        queues.MapGet("/{id:guid}/waiting", QueueWaiting.GetAsync).RequirePermission(Permissions.InteractionsRead);
        queues.MapPost("/", CreateAsync).RequirePermission(Permissions.QueuesWrite).Audited("queues.create");
        queues.MapPut("/{id:guid}", UpdateAsync).RequirePermission(Permissions.QueuesWrite).Audited("queues.update");
        queues.MapDelete("/{id:guid}", DeleteAsync).RequirePermission(Permissions.QueuesWrite).Audited("queues.delete");
        return api;
    }

    private static Task<IResult> ListAsync(ParleyDbContext db, [AsParameters] PageRequest page, CancellationToken ct) =>
        db.Queues.AsNoTracking().ToPageResultAsync(q => q.Name, page, QueueDto.From, ct);

    private static async Task<IResult> GetAsync(Guid id, HttpContext http, ParleyDbContext db, CancellationToken ct)
    {
        return await db.Queues.AsNoTracking().Where(q => q.Id == id).ToETaggedResultAsync(http, QueueDto.From, ct);
    }

    private static async Task<IResult> CreateAsync(
        QueueRequest request, HttpContext http, ParleyDbContext db, RoutingGateway routing, AuditScope audit, TimeProvider time, CancellationToken ct)
    {
        var queue = new Queue { Id = Guid.CreateVersion7(), TenantId = CurrentActor.Require(http.User).TenantId, Name = request.Name, CreatedAt = time.GetUtcNow() };
        if (await QueueRequestRules.ApplyAsync(request, queue, db, ct) is { } invalid)
        {
            return invalid;
        }

        db.Queues.Add(queue);
        await db.SaveChangesAsync(ct);
        await routing.Grain.RefreshQueue(RoutingDefinitions.Key(queue.Id));
        audit.Target("queue", queue.Id).Describe($"created queue '{queue.Name}' ({string.Join("+", queue.Channels)}, {queue.Strategy})");
        ETags.Set(http, queue.Version);
        return TypedResults.Created($"/api/v1/queues/{queue.Id}", QueueDto.From(queue));
    }

    private static async Task<IResult> UpdateAsync(
        Guid id, QueueRequest request, HttpContext http, ParleyDbContext db, RoutingGateway routing, AuditScope audit, CancellationToken ct)
    {
        var queue = await db.Queues.SingleOrDefaultAsync(q => q.Id == id, ct);
        if (queue is null)
        {
            return ApiProblems.NotFound();
        }

        if (ETags.CheckIfMatch(http, queue.Version) is { } precondition)
        {
            return precondition;
        }

        if (await QueueRequestRules.ApplyAsync(request, queue, db, ct) is { } invalid)
        {
            return invalid;
        }

        await db.SaveChangesAsync(ct);
        await routing.Grain.RefreshQueue(RoutingDefinitions.Key(queue.Id));
        audit.Target("queue", queue.Id).Describe($"updated queue '{queue.Name}'");
        ETags.Set(http, queue.Version);
        return TypedResults.Ok(QueueDto.From(queue));
    }

    private static async Task<IResult> DeleteAsync(Guid id, ParleyDbContext db, RoutingGateway routing, AuditScope audit, CancellationToken ct)
    {
        var queue = await db.Queues.SingleOrDefaultAsync(q => q.Id == id, ct);
        if (queue is null)
        {
            return ApiProblems.NotFound();
        }

        if (await db.Queues.AnyAsync(q => q.OverflowQueueId == id, ct))
        {
            return ApiProblems.Conflict("Other queues overflow to this one; change them first.");
        }

        db.Queues.Remove(queue);
        await db.SaveChangesAsync(ct);
        await routing.Grain.RefreshQueue(RoutingDefinitions.Key(id));
        audit.Target("queue", queue.Id).Describe($"deleted queue '{queue.Name}'; its waiting interactions were disconnected");
        return TypedResults.NoContent();
    }
}
