using Parley.Routing.Events;

namespace Parley.Cluster.Routing.Watching;

/// <summary>
/// The routing grain's watchers by interaction id, and the translation of engine events into their notices. Not
/// durable: a rebuilt grain has none until the watchers watch again (calls re-watch periodically).
/// </summary>
internal sealed class InteractionWatchers
{
    private readonly Dictionary<string, IInteractionWatcher> _watchers = new(StringComparer.Ordinal);

    public int Count => _watchers.Count;

    public void Watch(string interactionId, IInteractionWatcher watcher) => _watchers[interactionId] = watcher;

    public void Forget(string interactionId) => _watchers.Remove(interactionId);

    /// <summary>Tells each watcher about its interaction's events (one-way calls: nothing here waits on a watcher).</summary>
    public void Notify(IReadOnlyList<RoutingEvent> events)
    {
        if (_watchers.Count == 0)
        {
            return;
        }

        foreach (var e in events)
        {
            if (ToNotice(e) is { } notice && _watchers.TryGetValue(notice.InteractionId, out var watcher))
            {
                if (notice.Kind == InteractionNoticeKind.Ended)
                {
                    _watchers.Remove(notice.InteractionId);
                }

                _ = watcher.OnNotice(notice);
            }
        }
    }

    internal static InteractionNotice? ToNotice(RoutingEvent e) => e switch
    {
        InteractionOffered o => new(InteractionNoticeKind.Offered, o.InteractionId.Value, o.QueueId.Value, o.AgentId.Value, o.ExpiresAt),
        InteractionOfferRevoked r => new(InteractionNoticeKind.OfferWithdrawn, r.InteractionId.Value, r.QueueId.Value, r.AgentId.Value, Detail: "revoked"),
        InteractionOfferTimedOut t => new(InteractionNoticeKind.OfferWithdrawn, t.InteractionId.Value, t.QueueId.Value, t.AgentId.Value, Detail: "timed_out"),
        InteractionRejected r => new(InteractionNoticeKind.OfferWithdrawn, r.InteractionId.Value, r.QueueId.Value, r.AgentId.Value, Detail: "rejected"),
        InteractionMoved m => new(InteractionNoticeKind.Moved, m.InteractionId.Value, m.To.Value),
        InteractionEnded n => new(InteractionNoticeKind.Ended, n.InteractionId.Value, n.QueueId.Value, n.AgentId.Value, Detail: "ended"),
        InteractionAbandoned a => new(InteractionNoticeKind.Ended, a.InteractionId.Value, a.QueueId.Value, Detail: "abandoned"),
        InteractionOverflowed { Target.Kind: not Parley.Routing.Queues.OverflowTargetKind.Queue } o =>
            new(InteractionNoticeKind.Ended, o.InteractionId.Value, o.QueueId.Value, Detail: "overflow_" + o.Target.Kind.ToString().ToLowerInvariant()),
        _ => null,
    };
}
