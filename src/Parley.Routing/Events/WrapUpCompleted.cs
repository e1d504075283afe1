using Parley.Routing.Agents;
using Parley.Routing.Interactions;
using Parley.Routing.Queues;

namespace Parley.Routing.Events;

/// <summary>After-call work for one interaction finished, by the agent or by the time limit.</summary>
public sealed record WrapUpCompleted(
    DateTimeOffset At, AgentId AgentId, InteractionId InteractionId, QueueId QueueId, string? Code, bool TimedOut)
    : RoutingEvent(At);
