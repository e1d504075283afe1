using Parley.Routing.Agents;
using Parley.Routing.Interactions;
using Parley.Routing.Queues;

namespace Parley.Routing.Events;

/// <summary>The engine withdrew a ringing offer (the agent signed out); the interaction is back in its queue.</summary>
public sealed record InteractionOfferRevoked(DateTimeOffset At, InteractionId InteractionId, QueueId QueueId, AgentId AgentId)
    : RoutingEvent(At);
