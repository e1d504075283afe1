using Parley.Routing.Agents;
using Parley.Routing.Interactions;
using Parley.Routing.Queues;

namespace Parley.Routing.Events;

/// <summary>The offer was not answered in time; the interaction is back in its queue with its original enqueue time.</summary>
public sealed record InteractionOfferTimedOut(DateTimeOffset At, InteractionId InteractionId, QueueId QueueId, AgentId AgentId)
    : RoutingEvent(At);
