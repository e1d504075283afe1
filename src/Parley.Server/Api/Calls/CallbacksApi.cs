using Parley.Data;
using Parley.Data.Entities.Acd;
using Parley.Domain.Security;
using Parley.Server.Auth;
using Parley.Server.Voice.Calls;

namespace Parley.Server.Api.Calls;

/// <summary>
/// <c>GET /api/v1/callbacks</c>: the tenant's callbacks waiting in their queues (permission <c>calls.read</c>), oldest
/// first: the interaction, the queue, the number to call and when the caller first queued.
/// </summary>
public static class CallbacksApi
{
    public static RouteGroupBuilder MapCallbacksApi(this RouteGroupBuilder api)
    {
        api.MapGet("/callbacks", async (ParleyDbContext db, int? limit, CancellationToken ct) =>
            {
                var take = Math.Clamp(limit ?? 100, 1, 500);
                var rows = await PendingCallbackQuery.ListAsync(db.Set<InteractionRecord>(), take, ct);
                return TypedResults.Ok(new CallbacksPage(rows.Select(CallbackDto.From).ToList()));
            })
            .WithTags("Calls")
            .RequirePermission(Permissions.CallsRead)
            .WithSummary("List callbacks waiting in queues, oldest first")
            .Produces<CallbacksPage>();
        return api;
    }
}
