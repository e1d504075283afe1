using System.Collections.Concurrent;
using Parley.Server.Logging;

namespace Parley.Server.Routing;

/// <summary>
/// In-process subscriptions to one agent's routing events, for the web workspace's circuits (SignalR hub clients get the
/// same events through <see cref="Hubs.RoutingGroups"/>). <see cref="RoutingEventDispatcher"/> delivers each batch after it
/// pushed it to the hub groups; a subscriber that throws is logged and does not stop the others.
/// </summary>
public sealed class AgentEventSubscriptions(ILogger<AgentEventSubscriptions> logger)
{
    private readonly ConcurrentDictionary<(Guid TenantId, string AgentId), ConcurrentDictionary<Subscription, byte>> _subscribers = new();

    public int Count => _subscribers.Values.Sum(s => s.Count);

    /// <summary>Calls <paramref name="handler"/> with every batch of events naming the agent, until the result is disposed.</summary>
    public IDisposable Subscribe(Guid tenantId, string agentId, Func<IReadOnlyList<RoutingEventMessage>, Task> handler)
    {
        var subscription = new Subscription(this, (tenantId, agentId), handler);
        _subscribers.GetOrAdd((tenantId, agentId), _ => new()).TryAdd(subscription, 0);
        return subscription;
    }

    internal async Task PublishAsync(Guid tenantId, string agentId, IReadOnlyList<RoutingEventMessage> events)
    {
        if (!_subscribers.TryGetValue((tenantId, agentId), out var subscribers))
        {
            return;
        }

        foreach (var subscription in subscribers.Keys)
        {
            try
            {
                await subscription.Handler(events);
            }
            catch (Exception exception)
            {
                Log.AgentSubscriberFailed(logger, exception, agentId);
            }
        }
    }

    private void Remove(Subscription subscription)
    {
        if (_subscribers.TryGetValue(subscription.Key, out var subscribers))
        {
            subscribers.TryRemove(subscription, out _);
        }
    }

    private sealed class Subscription(AgentEventSubscriptions owner, (Guid, string) key, Func<IReadOnlyList<RoutingEventMessage>, Task> handler) : IDisposable
    {
        public (Guid TenantId, string AgentId) Key { get; } = key;

        public Func<IReadOnlyList<RoutingEventMessage>, Task> Handler { get; } = handler;

        public void Dispose() => owner.Remove(this);
    }
}
