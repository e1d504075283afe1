using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Data.Entities.Voice;
using Parley.Routing.Events;

namespace Parley.Server.Voice.Records;

/// <summary>
/// Wrap-up reaches the CDR through the routing store's save: a <see cref="WrapUpCompleted"/> event sets the wrap-up end
/// (and duration) of the call record whose interaction it names, in the same transaction as the routing change.
/// </summary>
internal static class CallWrapUps
{
    /// <summary>Updates the tenant's call records named by wrap-up events in <paramref name="events"/>; the caller saves.</summary>
    public static async Task ApplyAsync(ParleyDbContext db, IReadOnlyList<RoutingEvent> events, CancellationToken cancellationToken)
    {
        Dictionary<Guid, DateTimeOffset>? ends = null;
        foreach (var e in events)
        {
            if (e is WrapUpCompleted wrapUp && Guid.TryParse(wrapUp.InteractionId.Value, out var interaction))
            {
                (ends ??= [])[interaction] = CallTimes.Stored(wrapUp.At);
            }
        }

        if (ends is null)
        {
            return;
        }

        var ids = ends.Keys.ToList();
        var rows = await db.Set<CallRecordRow>().Where(c => c.InteractionId != null && ids.Contains(c.InteractionId.Value)).ToListAsync(cancellationToken);
        foreach (var row in rows)
        {
            row.WrapUpEndedAt = ends[row.InteractionId!.Value];
            CallDurations.ComputeWrapUp(row);
        }
    }
}
