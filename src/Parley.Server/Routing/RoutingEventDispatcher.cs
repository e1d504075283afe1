using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Parley.Cluster.Routing.Ports;
using Parley.Data;
using Parley.Data.Entities.Acd;
using Parley.Data.Tenancy;
using Parley.Routing.Events;
using Parley.Server.Hubs;
using Parley.Server.Logging;
using Parley.Server.Webhooks;

namespace Parley.Server.Routing;

/// <summary>
/// The grains' event port. Publishing only queues; one loop drains everything queued at once and, per tenant,
/// appends the routing history, pushes one SignalR message per group and hands the batch to the webhook outbox.
/// </summary>
internal sealed class RoutingEventDispatcher(
    IServiceScopeFactory scopes,
    IHubContext<RoutingHub> hub,
    WebhookOutbox webhooks,
    ILogger<RoutingEventDispatcher> logger) : BackgroundService, IRoutingEventPublisher
{
    private const int MaxBatch = 4096;
    private readonly Channel<(Guid TenantId, IReadOnlyList<RoutingEvent> Events)> _queue =
        Channel.CreateUnbounded<(Guid, IReadOnlyList<RoutingEvent>)>(new UnboundedChannelOptions { SingleReader = true });

    public void Publish(Guid tenantId, IReadOnlyList<RoutingEvent> events) => _queue.Writer.TryWrite((tenantId, events));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<(Guid TenantId, IReadOnlyList<RoutingEvent> Events)>();
        while (await _queue.Reader.WaitToReadAsync(stoppingToken))
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var item))
            {
                batch.Add(item);
            }

            foreach (var tenant in batch.GroupBy(b => b.TenantId))
            {
                var messages = tenant.SelectMany(t => t.Events).Select(RoutingEventMessages.From).ToList();
                try
                {
                    await DispatchAsync(tenant.Key, messages, stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    Log.RoutingDispatchFailed(logger, exception, tenant.Key, messages.Count);
                }
            }
        }
    }

    private async Task DispatchAsync(Guid tenantId, List<RoutingEventMessage> messages, CancellationToken cancellationToken)
    {
        await AppendHistoryAsync(tenantId, messages, cancellationToken);
        await hub.Clients.Group(RoutingGroups.Supervisors(tenantId)).SendAsync(RoutingHub.Method, messages, cancellationToken);
        foreach (var agent in messages.Where(m => m.AgentId is not null).GroupBy(m => m.AgentId!))
        {
            await hub.Clients.Group(RoutingGroups.Agent(tenantId, agent.Key)).SendAsync(RoutingHub.Method, agent.ToList(), cancellationToken);
        }

        await webhooks.EnqueueAsync(tenantId, messages, cancellationToken);
    }

    private async Task AppendHistoryAsync(Guid tenantId, List<RoutingEventMessage> messages, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenantId);
        var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
        foreach (var m in messages)
        {
            if (m.Type == RoutingEventMessages.QueueStatistics)
            {
                continue;
            }

            db.RoutingHistory.Add(new RoutingHistoryEntry
            {
                TenantId = tenantId,
                At = m.At,
                Kind = m.Type,
                InteractionId = ParseId(m.InteractionId),
                QueueId = ParseId(m.QueueId),
                AgentId = ParseId(m.AgentId),
                Detail = JsonSerializer.Serialize(m.Data),
            });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static Guid? ParseId(string? id) => Guid.TryParse(id, out var guid) ? guid : null;
}
