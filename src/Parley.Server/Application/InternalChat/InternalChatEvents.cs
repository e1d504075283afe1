using System.Collections.Concurrent;
using Parley.Server.Logging;

namespace Parley.Server.Application.InternalChat;

/// <summary>
/// In-process delivery of internal chat messages to the open workspaces (circuits) of a user, the way
/// <see cref="Routing.AgentEventSubscriptions"/> delivers routing events. A user with at least one subscription is online.
/// A subscriber that throws is logged and does not stop the others. In a cluster messages reach the workspaces of every
/// node (<see cref="Relay.InternalChatRelay"/>); presence counts this node's workspaces only.
/// </summary>
public sealed class InternalChatEvents(ILogger<InternalChatEvents> logger)
{
    private readonly ConcurrentDictionary<(Guid TenantId, Guid UserId), ConcurrentDictionary<Subscription, byte>> _subscribers = new();
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<PresenceWatch, byte>> _watchers = new();

    /// <summary>Calls <paramref name="handler"/> with every message sent to or by the user, until the result is disposed.</summary>
    public IDisposable Subscribe(Guid tenantId, Guid userId, Func<InternalMessageView, Task> handler)
    {
        var subscription = new Subscription(this, (tenantId, userId), handler);
        var subscribers = _subscribers.GetOrAdd((tenantId, userId), _ => new());
        subscribers.TryAdd(subscription, 0);
        if (subscribers.Count == 1)
        {
            PresenceChanged(tenantId);
        }

        return subscription;
    }

    /// <summary>Calls <paramref name="changed"/> whenever someone of the tenant comes online (opens a workspace) or goes offline.</summary>
    public IDisposable WatchPresence(Guid tenantId, Func<Task> changed)
    {
        var watch = new PresenceWatch(this, tenantId, changed);
        _watchers.GetOrAdd(tenantId, _ => new()).TryAdd(watch, 0);
        return watch;
    }

    public bool IsOnline(Guid tenantId, Guid userId) => _subscribers.TryGetValue((tenantId, userId), out var subscribers) && !subscribers.IsEmpty;

    /// <summary>The other nodes of a cluster, when clustered with Redis (set by <see cref="Relay.InternalChatRelay"/>); null on a single node.</summary>
    internal Action<Guid, InternalMessageView>? OtherNodes { get; set; }

    /// <summary>Hands the message to the recipient's and the sender's open workspaces, on this node and (relayed) the others.</summary>
    public async Task PublishAsync(Guid tenantId, InternalMessageView message)
    {
        await DeliverAsync(tenantId, message);
        OtherNodes?.Invoke(tenantId, message);
    }

    /// <summary>Hands the message to the recipient's and the sender's open workspaces on this node.</summary>
    internal async Task DeliverAsync(Guid tenantId, InternalMessageView message)
    {
        foreach (var userId in message.FromUserId == message.ToUserId ? [message.ToUserId] : new[] { message.ToUserId, message.FromUserId })
        {
            if (!_subscribers.TryGetValue((tenantId, userId), out var subscribers))
            {
                continue;
            }

            foreach (var subscription in subscribers.Keys)
            {
                try
                {
                    await subscription.Handler(message);
                }
                catch (Exception exception)
                {
                    Log.InternalChatSubscriberFailed(logger, exception, userId);
                }
            }
        }
    }

    private void Remove(Subscription subscription)
    {
        if (_subscribers.TryGetValue(subscription.Key, out var subscribers) && subscribers.TryRemove(subscription, out _) && subscribers.IsEmpty)
        {
            PresenceChanged(subscription.Key.TenantId);
        }
    }

    /// <summary>Tells the tenant's watchers without waiting for them (a circuit closing must not wait on other circuits).</summary>
    private void PresenceChanged(Guid tenantId)
    {
        if (!_watchers.TryGetValue(tenantId, out var watchers))
        {
            return;
        }

        foreach (var watch in watchers.Keys)
        {
            _ = NotifyAsync(watch);
        }
    }

    private async Task NotifyAsync(PresenceWatch watch)
    {
        try
        {
            await watch.Changed();
        }
        catch (Exception exception)
        {
            Log.InternalChatSubscriberFailed(logger, exception, Guid.Empty);
        }
    }

    private sealed class PresenceWatch(InternalChatEvents owner, Guid tenantId, Func<Task> changed) : IDisposable
    {
        public Func<Task> Changed { get; } = changed;

        public void Dispose()
        {
            if (owner._watchers.TryGetValue(tenantId, out var watchers))
            {
                watchers.TryRemove(this, out _);
            }
        }
    }

    private sealed class Subscription(InternalChatEvents owner, (Guid, Guid) key, Func<InternalMessageView, Task> handler) : IDisposable
    {
        public (Guid TenantId, Guid UserId) Key { get; } = key;

        public Func<InternalMessageView, Task> Handler { get; } = handler;

        public void Dispose() => owner.Remove(this);
    }
}
