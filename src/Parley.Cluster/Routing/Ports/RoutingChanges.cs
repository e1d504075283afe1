using Parley.Routing.Events;

namespace Parley.Cluster.Routing.Ports;

/// <summary>
/// The durable effects of one grain command, applied in this order: arrivals, interaction changes, presence; and the
/// <see cref="Events"/> the command produced (every event but queue statistics), which the store records as routing
/// history and webhook deliveries in the same transaction as the state they describe.
/// </summary>
public sealed record RoutingChanges(
    IReadOnlyList<NewInteraction> Added,
    IReadOnlyList<InteractionChange> Interactions,
    IReadOnlyList<PresenceChange> Presence,
    IReadOnlyList<RoutingEvent> Events)
{
    public bool IsEmpty => Added.Count == 0 && Interactions.Count == 0 && Presence.Count == 0 && Events.Count == 0;
}
