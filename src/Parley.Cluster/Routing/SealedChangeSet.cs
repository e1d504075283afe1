using Parley.Cluster.Routing.Messages;
using Parley.Cluster.Routing.Ports;
using Parley.Routing.Events;

namespace Parley.Cluster.Routing;

/// <summary>
/// A commit batch taken out of the open set, with the engine's state at that moment (the views to publish as committed
/// once it is durable), its merged changes, and how far its save has come: written (<see cref="Write"/>), then committing.
/// </summary>
internal sealed class SealedChangeSet(CommitBatch batch, DateTimeOffset sealedAt, (string Id, AgentView? View)[] agents, QueueView[] queues, RoutingChanges changes)
{
    public CommitBatch Batch => batch;

    public DateTimeOffset SealedAt => sealedAt;

    public (string Id, AgentView? View)[] Agents => agents;

    public QueueView[] Queues => queues;

    public RoutingChanges Changes => changes;

    /// <summary>
    /// True when writing the set cannot depend on rows an earlier set wrote and has not committed yet: it only adds rows
    /// (no interaction or presence rows changed, no call record's wrap-up closed).
    /// </summary>
    public bool OnlyAdds => changes.Interactions.Count == 0 && changes.Presence.Count == 0 && !changes.Events.Any(e => e is WrapUpCompleted);

    public IRoutingCommit? Write { get; set; }

    public Task? Commit { get; set; }
}
