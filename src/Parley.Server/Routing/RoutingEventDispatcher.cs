using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Parley.Cluster.Routing.Ports;
using Parley.Routing.Events;
using Parley.Server.Hubs;
using Parley.Server.Logging;

namespace Parley.Server.Routing;

/// <summary>
/// The grains' event port: live fan-out only. By the time events arrive here their history and webhook delivery
/// rows are already committed with the state they describe (<see cref="EfRoutingStore"/>). Publishing only queues;
/// one loop drains everything queued at once and, per tenant, pushes one SignalR message per group (every node's connections
/// through the backplane), hands the batch to the in-process subscribers of every node (<see cref="LiveRoutingEvents"/>: workspace
/// circuits, supervisor feeds, chat rooms), then stamps the ends of chats (<see cref="WebChat.ChatRoutingEvents.SaveEndsAsync"/>),
/// here only, once. A push lost in a crash is not acknowledged work: clients re-read <c>/api/v1/realtime</c> on reconnect.
/// </summary>
internal sealed class RoutingEventDispatcher(
    IHubContext<RoutingHub> hub,
    LiveRoutingEvents live,
    WebChat.ChatRoutingEvents chats,
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
                    await PushAsync(tenant.Key, messages, stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    Log.RoutingDispatchFailed(logger, exception, tenant.Key, messages.Count);
                }
            }
        }
    }

    private async Task PushAsync(Guid tenantId, List<RoutingEventMessage> messages, CancellationToken cancellationToken)
    {
        await hub.Clients.Group(RoutingGroups.Supervisors(tenantId)).SendAsync(RoutingHub.Method, messages, cancellationToken);
        foreach (var agent in messages.Where(m => m.AgentId is not null).GroupBy(m => m.AgentId!))
        {
            await hub.Clients.Group(RoutingGroups.Agent(tenantId, agent.Key)).SendAsync(RoutingHub.Method, agent.ToList(), cancellationToken);
        }

        await live.PublishAsync(tenantId, messages);
        await chats.SaveEndsAsync(tenantId, messages);
    }
}
