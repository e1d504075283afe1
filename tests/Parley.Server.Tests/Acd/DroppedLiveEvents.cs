using Parley.Cluster.Routing.Ports;
using Parley.Routing.Events;

namespace Parley.Server.Tests.Acd;

/// <summary>
/// An event port that loses everything handed to it, as a process that dies right after replying loses what it had
/// only queued in memory.
/// </summary>
public sealed class DroppedLiveEvents : IRoutingEventPublisher
{
    public void Publish(Guid tenantId, IReadOnlyList<RoutingEvent> events)
    {
    }
}
