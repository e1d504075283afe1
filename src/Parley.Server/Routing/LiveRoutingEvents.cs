using Parley.Server.Relay;

namespace Parley.Server.Routing;

/// <summary>
/// The in-process audiences of routing events: the agents' workspace circuits (<see cref="AgentEventSubscriptions"/>),
/// the tenants' supervisor feeds (<see cref="TenantEventSubscriptions"/>) and the chat rooms open here
/// (<see cref="WebChat.ChatRoutingEvents.UpdateRoomsAsync"/>). All three only tell screens and sockets what changed, so in a
/// cluster each batch is also handed to the other nodes (<see cref="RoutingEventRelay"/>), whose circuits, feeds and rooms
/// hear it the same way; an agent's workspace on node B follows the grain on node A. Durable effects (history, webhooks,
/// stamping a chat's end) are not here: they happen once, on the node that produced the events.
/// </summary>
internal sealed class LiveRoutingEvents(
    AgentEventSubscriptions circuits, TenantEventSubscriptions tenants, WebChat.ChatRoutingEvents chats, ClusterBus? bus = null)
{
    /// <summary>Delivers a tenant's batch here, then relays it to the other nodes (when clustered with Redis).</summary>
    public async Task PublishAsync(Guid tenantId, IReadOnlyList<RoutingEventMessage> events)
    {
        await DeliverAsync(tenantId, events);
        bus?.Publish(RoutingEventRelay.Topic, RoutingEventRelay.Encode(tenantId, events));
    }

    /// <summary>Hands a batch to this node's subscribers: each agent's events to their circuits, the whole batch to the tenant's feeds and chat rooms.</summary>
    public async Task DeliverAsync(Guid tenantId, IReadOnlyList<RoutingEventMessage> events)
    {
        foreach (var agent in events.Where(m => m.AgentId is not null).GroupBy(m => m.AgentId!))
        {
            await circuits.PublishAsync(tenantId, agent.Key, agent.ToList());
        }

        await tenants.PublishAsync(tenantId, events);
        await chats.UpdateRoomsAsync(tenantId, events);
    }
}
