using System.Collections.Concurrent;
using Parley.Server.Logging;

namespace Parley.Server.Routing;

/// <summary>
/// In-process subscriptions to all of one tenant's routing events (the supervisor feed's trigger). <see cref="RoutingEventDispatcher"/>
/// delivers each tenant's batch after pushing it to the hub groups; a subscriber that throws is logged and does not stop the others.
/// Subscribers must return quickly: they run on the dispatcher's loop.
/// </summary>
public sealed class TenantEventSubscriptions(ILogger<TenantEventSubscriptions> logger)
{
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<Subscription, byte>> _subscribers = new();

    public IDisposable Subscribe(Guid tenantId, Func<IReadOnlyList<RoutingEventMessage>, Task> handler)
    {
        var subscription = new Subscription(this, tenantId, handler);
        _subscribers.GetOrAdd(tenantId, _ => new()).TryAdd(subscription, 0);
        return subscription;
    }

    internal async Task PublishAsync(Guid tenantId, IReadOnlyList<RoutingEventMessage> events)
    {
        if (!_subscribers.TryGetValue(tenantId, out var subscribers))
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
                Log.TenantSubscriberFailed(logger, exception, tenantId);
            }
        }
    }

    private void Remove(Subscription subscription)
    {
        if (_subscribers.TryGetValue(subscription.TenantId, out var subscribers))
        {
            subscribers.TryRemove(subscription, out _);
        }
    }

    private sealed class Subscription(TenantEventSubscriptions owner, Guid tenantId, Func<IReadOnlyList<RoutingEventMessage>, Task> handler) : IDisposable
    {
        public Guid TenantId { get; } = tenantId;

        public Func<IReadOnlyList<RoutingEventMessage>, Task> Handler { get; } = handler;

        public void Dispose() => owner.Remove(this);
    }
}
