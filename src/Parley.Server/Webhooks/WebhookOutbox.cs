using System.Text.Json;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Data.Entities.Acd;
using Parley.Data.Tenancy;
using Parley.Server.Routing;

namespace Parley.Server.Webhooks;

/// <summary>Writes one pending delivery per matching subscription and event, then wakes the sender.</summary>
public sealed class WebhookOutbox(IServiceScopeFactory scopes, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly Channel<bool> _signal = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    internal ChannelReader<bool> Signal => _signal.Reader;

    internal async Task EnqueueAsync(Guid tenantId, IReadOnlyList<RoutingEventMessage> messages, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenantId);
        var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
        var subscriptions = await db.WebhookSubscriptions.AsNoTracking().Where(s => s.Active).ToListAsync(cancellationToken);
        if (subscriptions.Count == 0)
        {
            return;
        }

        var now = time.GetUtcNow();
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
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        _signal.Writer.TryWrite(true);
    }
}
