using Parley.Routing.Agents;
using Parley.Routing.Interactions;
using Parley.Routing.Queues;

namespace Parley.Routing.Events;

/// <summary>The agent accepted the offer; <paramref name="WaitTime"/> runs from the original enqueue time.</summary>
public sealed record InteractionAccepted(
    DateTimeOffset At, InteractionId InteractionId, QueueId QueueId, AgentId AgentId, TimeSpan WaitTime)
    : RoutingEvent(At);
