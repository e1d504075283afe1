using Parley.Routing.Agents;
using Parley.Routing.Interactions;
using Parley.Routing.Queues;

namespace Parley.Routing.Events;

/// <summary>An accepted interaction ended; the agent's capacity is free again (after wrap-up, if any).</summary>
public sealed record InteractionEnded(
    DateTimeOffset At, InteractionId InteractionId, QueueId QueueId, AgentId AgentId, TimeSpan HandleTime)
    : RoutingEvent(At);
