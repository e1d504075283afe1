using Parley.Data.Entities.Acd;
using Parley.Domain.Security;
using Parley.Server.Api.Conventions;
using Parley.Server.Application;
using Parley.Server.Application.Admin;
using Parley.Server.Audit;
using Parley.Server.Auth;

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

    // The writes are the application layer's (QueueAdmin), shared with the admin console; REST adds If-Match and the ETag.
    private static async Task<IResult> CreateAsync(QueueRequest request, HttpContext http, QueueAdmin queues, CancellationToken ct) =>
        (await queues.CreateAsync(CurrentActor.Require(http.User), request, ct)).ToHttp(q => Created(http, q));

    private static async Task<IResult> UpdateAsync(Guid id, QueueRequest request, HttpContext http, QueueAdmin queues, CancellationToken ct) =>
        IfMatch.Read(http, out var expected) ?? (await queues.UpdateAsync(CurrentActor.Require(http.User), id, expected, request, ct)).ToHttp(q => Ok(http, q));

    private static async Task<IResult> DeleteAsync(Guid id, HttpContext http, QueueAdmin queues, CancellationToken ct) =>
        (await queues.DeleteAsync(CurrentActor.Require(http.User), id, ct)).ToHttp();

    private static IResult Created(HttpContext http, QueueDto queue)
    {
        ETags.Set(http, queue.Version);
        return TypedResults.Created($"/api/v1/queues/{queue.Id}", queue);
    }

    private static IResult Ok(HttpContext http, QueueDto queue)
    {
        ETags.Set(http, queue.Version);
        return TypedResults.Ok(queue);
    }
}
