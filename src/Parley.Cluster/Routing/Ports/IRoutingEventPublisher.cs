using Parley.Routing.Events;

namespace Parley.Cluster.Routing.Ports;

/// <summary>
/// Takes a tenant's routing events, in order, after the changes they imply are durable. Must not block: the host
/// queues them and fans out in batches (SignalR, webhooks, routing history).
/// </summary>
public interface IRoutingEventPublisher
{
    void Publish(Guid tenantId, IReadOnlyList<RoutingEvent> events);
}
