using System.Collections.Concurrent;
using Parley.Cluster.Routing.Ports;
using Parley.Routing.Events;

namespace Parley.Bench.Cluster;

/// <summary>The bench's event port: remembers which agent each interaction was offered to.</summary>
internal sealed class OfferBoard : IRoutingEventPublisher
{
    private readonly ConcurrentDictionary<string, string> _offers = new(StringComparer.Ordinal);
    private long _events;

    public long Events => Interlocked.Read(ref _events);

    public bool TryTake(string interactionId, out string agentId) => _offers.TryRemove(interactionId, out agentId!);

    public void Publish(Guid tenantId, IReadOnlyList<RoutingEvent> events)
    {
        Interlocked.Add(ref _events, events.Count);
        foreach (var e in events)
        {
            if (e is InteractionOffered offered)
            {
                _offers[offered.InteractionId.Value] = offered.AgentId.Value;
            }
        }
    }
}
