using System.Collections.Concurrent;
using Parley.Cluster.Routing.Ports;
using Parley.Routing.Events;

namespace Parley.Cluster.Tests.Support;

/// <summary>Keeps every published event per tenant, in order.</summary>
public sealed class RecordingPublisher : IRoutingEventPublisher
{
    private readonly ConcurrentDictionary<Guid, ConcurrentQueue<RoutingEvent>> _events = new();

    public static RecordingPublisher Shared { get; } = new();

    public IReadOnlyList<RoutingEvent> EventsOf(Guid tenantId) => _events.TryGetValue(tenantId, out var q) ? [.. q] : [];

    public void Publish(Guid tenantId, IReadOnlyList<RoutingEvent> events)
    {
        var queue = _events.GetOrAdd(tenantId, _ => new ConcurrentQueue<RoutingEvent>());
        foreach (var e in events)
        {
            queue.Enqueue(e);
        }
    }
}
