using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Data.Entities.Acd;
using Parley.Data.Entities.Voice;
using Parley.Domain.Security;
using Parley.Server.Api.Conventions;
using Parley.Server.Application;
using Parley.Server.Application.Calls;
using Parley.Server.Audit;
using Parley.Server.Auth;
using Parley.Server.Voice.Calls;

namespace Parley.Server.Api.Calls;

/// <summary>
/// <c>GET /api/v1/callbacks</c> (<c>calls.read</c>): the tenant's callbacks not done yet — waiting in their queues,
/// oldest first, then scheduled ones by due time. <c>POST /api/v1/callbacks</c> (<c>interactions.write</c>): ask for a
/// callback without a call, now or at a time (<see cref="CallbackOrders"/>).
/// </summary>
public static class CallbacksApi
{
    private const int DefaultLimit = 100;
    private const int MaxLimit = 500;

    public static RouteGroupBuilder MapCallbacksApi(this RouteGroupBuilder api)
    {
        api.MapGet("/callbacks", async Task<IResult> (ParleyDbContext db, int? limit, CancellationToken ct) =>
            {
                if (limit is < 1 or > MaxLimit)
                {
                    return ApiProblems.Invalid("limit", $"From 1 to {MaxLimit} (default {DefaultLimit}).");
                }

                var take = limit ?? DefaultLimit;
                var waiting = await PendingCallbackQuery.ListAsync(db.Set<InteractionRecord>(), take, ct);
                var scheduled = await db.Set<ScheduledCallback>().AsNoTracking().OrderBy(c => c.DueAt).Take(take - waiting.Count).ToListAsync(ct);
                return TypedResults.Ok(new CallbacksPage([.. waiting.Select(CallbackDto.From), .. scheduled.Select(CallbackDto.From)]));
            })
            .WithTags("Calls")
            .RequirePermission(Permissions.CallsRead)
            .WithSummary("List callbacks not done yet: waiting in queues, oldest first, then scheduled ones")
            .Produces<CallbacksPage>()
            .ProducesValidationProblem();
        api.MapPost("/callbacks", async (CallbackOrder order, HttpContext http, CallbackOrders orders, CancellationToken ct) =>
            {
                var result = await orders.OrderAsync(CurrentActor.Require(http.User), order, ct);
                return result.ToHttp(ordered => TypedResults.Accepted($"/api/v1/callbacks", ordered));
            })
            .WithTags("Calls")
            .RequirePermission(Permissions.InteractionsWrite)
            .Audited("callbacks.create")
            .WithSummary("Ask for a callback to a number, now or at a time")
            .Produces<CallbackOrdered>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem();
        return api;
    }
}
