using Parley.Routing.Interactions;
using Parley.Routing.Queues;

namespace Parley.Routing.Events;

/// <summary>A waiting interaction was moved to another queue by the host (supervisor, flow); queued or offered there next.</summary>
public sealed record InteractionMoved(DateTimeOffset At, InteractionId InteractionId, QueueId From, QueueId To) : RoutingEvent(At);
