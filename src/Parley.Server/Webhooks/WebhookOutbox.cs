using System.Text.Json;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Data.Entities.Acd;
using Parley.Server.Routing;

namespace Parley.Server.Webhooks;

/// <summary>
/// Adds one pending delivery per matching subscription and event to the caller's unit of work (the routing store's
/// transaction, so a delivery row exists exactly when the change it reports was saved), and wakes the sender once
/// that work is committed. The row's id is the <c>Parley-Delivery-Id</c> every attempt carries.
/// </summary>
public sealed class WebhookOutbox(TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly Channel<bool> _signal = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    internal ChannelReader<bool> Signal => _signal.Reader;

    /// <summary>Adds the deliveries to <paramref name="db"/> without saving; returns how many were added.</summary>
    internal async Task<int> AddAsync(ParleyDbContext db, Guid tenantId, IReadOnlyList<RoutingEventMessage> messages, CancellationToken cancellationToken)
    {
        var subscriptions = await db.WebhookSubscriptions.AsNoTracking().Where(s => s.Active).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        var added = 0;
        foreach (var subscription in subscriptions)
        {
            foreach (var message in messages)
            {
                var wanted = subscription.EventTypes.Count == 0
                    ? message.Type != RoutingEventMessages.QueueStatistics
                    : subscription.EventTypes.Contains(message.Type);
                if (!wanted)
                {
                    continue;
                }

                var id = Guid.CreateVersion7();
                db.WebhookDeliveries.Add(new WebhookDelivery
                {
                    Id = id,
                    TenantId = tenantId,
                    SubscriptionId = subscription.Id,
                    EventType = message.Type,
                    Payload = JsonSerializer.Serialize(new { id, message.Type, message.At, message.InteractionId, message.QueueId, message.AgentId, message.Data }, Json),
                    CreatedAt = now,
                    NextAttemptAt = now,
                });
                added++;
            }
        }

        return added;
    }

    /// <summary>Tells the sender that committed deliveries are waiting (it also polls, so a lost wake-up only delays).</summary>
    internal void Wake() => _signal.Writer.TryWrite(true);
}
