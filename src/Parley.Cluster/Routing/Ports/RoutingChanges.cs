namespace Parley.Cluster.Routing.Ports;

/// <summary>The durable effects of one grain command, applied in this order: arrivals, interaction changes, presence.</summary>
public sealed record RoutingChanges(
    IReadOnlyList<NewInteraction> Added,
    IReadOnlyList<InteractionChange> Interactions,
    IReadOnlyList<PresenceChange> Presence)
{
    public bool IsEmpty => Added.Count == 0 && Interactions.Count == 0 && Presence.Count == 0;
}
