using Parley.Routing.Agents;
using Parley.Routing.Channels;
using Parley.Routing.Interactions;
using Parley.Routing.Queues;

namespace Parley.Routing.Events;

/// <summary>A routing decision: the interaction rings at one agent until <paramref name="ExpiresAt"/>.</summary>
public sealed record InteractionOffered(
    DateTimeOffset At, InteractionId InteractionId, QueueId QueueId, AgentId AgentId, Channel Channel, DateTimeOffset ExpiresAt)
    : RoutingEvent(At);
