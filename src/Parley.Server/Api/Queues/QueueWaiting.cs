using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Server.Api.Conventions;
using Parley.Server.Routing;

namespace Parley.Server.Api.Queues;

/// <summary>
/// <c>GET /api/v1/queues/{id}/waiting</c>: the interactions waiting in a queue, read from the tenant's routing engine
/// (the source of the queue's real-time statistics), in the order agents will get them: per channel (Voice, Video,
/// Chat, Email, Messaging) by effective priority then original arrival, then those held for a preferred agent.
/// Offered (ringing) and accepted interactions are not waiting.
/// </summary>
internal static class QueueWaiting
{
    public static async Task<IResult> GetAsync(Guid id, ParleyDbContext db, RoutingGateway routing, TimeProvider time, CancellationToken ct)
    {
        if (!await db.Queues.AnyAsync(q => q.Id == id, ct))
        {
            return ApiProblems.NotFound();
        }

        var waiting = await routing.Grain.GetWaiting(RoutingDefinitions.Key(id));
        var now = time.GetUtcNow();
        return TypedResults.Ok(new WaitingListDto(id, now, waiting.Select(w => WaitingInteractionDto.From(w, now)).ToList()));
    }
}
