using Parley.Routing.Interactions;
using Parley.Routing.Queues;

namespace Parley.Routing.Events;

/// <summary>The customer left before the interaction was accepted.</summary>
public sealed record InteractionAbandoned(DateTimeOffset At, InteractionId InteractionId, QueueId QueueId, TimeSpan WaitTime)
    : RoutingEvent(At);
