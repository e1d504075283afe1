using System.Collections.Concurrent;
using Parley.Server.Logging;

namespace Parley.Server.Application.InternalChat;

/// <summary>
/// In-process delivery of internal chat messages to the open workspaces (circuits) of a user, the way
/// <see cref="Routing.AgentEventSubscriptions"/> delivers routing events. A user with at least one subscription is online.
/// A subscriber that throws is logged and does not stop the others.
/// </summary>
public sealed class InternalChatEvents(ILogger<InternalChatEvents> logger)
{
    private readonly ConcurrentDictionary<(Guid TenantId, Guid UserId), ConcurrentDictionary<Subscription, byte>> _subscribers = new();

    /// <summary>Calls <paramref name="handler"/> with every message sent to or by the user, until the result is disposed.</summary>
    public IDisposable Subscribe(Guid tenantId, Guid userId, Func<InternalMessageView, Task> handler)
    {
        var subscription = new Subscription(this, (tenantId, userId), handler);
        _subscribers.GetOrAdd((tenantId, userId), _ => new()).TryAdd(subscription, 0);
        return subscription;
    }

    public bool IsOnline(Guid tenantId, Guid userId) => _subscribers.TryGetValue((tenantId, userId), out var subscribers) && !subscribers.IsEmpty;

    /// <summary>Hands the message to the recipient's and the sender's open workspaces.</summary>
    public async Task PublishAsync(Guid tenantId, InternalMessageView message)
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
        if (_subscribers.TryGetValue(subscription.Key, out var subscribers))
        {
            subscribers.TryRemove(subscription, out _);
        }
    }

    private sealed class Subscription(InternalChatEvents owner, (Guid, Guid) key, Func<InternalMessageView, Task> handler) : IDisposable
    {
        public (Guid TenantId, Guid UserId) Key { get; } = key;

        public Func<InternalMessageView, Task> Handler { get; } = handler;

        public void Dispose() => owner.Remove(this);
    }
}
