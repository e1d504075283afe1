using Parley.Routing.Events;

namespace Parley.Cluster.Routing.Ports;

/// <summary>
/// Takes a tenant's routing events, in order, after the store has saved them with the changes they imply (so
/// history and webhook deliveries are already durable). Live fan-out only (SignalR): must not block; the host
/// queues them and pushes in batches. Events of a command whose save failed are never published.
/// </summary>
public interface IRoutingEventPublisher
{
    void Publish(Guid tenantId, IReadOnlyList<RoutingEvent> events);
}
