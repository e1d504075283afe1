using Parley.Routing.Channels;
using Parley.Routing.Interactions;
using Parley.Routing.Queues;

namespace Parley.Routing.Events;

/// <summary>An interaction entered a queue (on arrival or by overflow from another queue).</summary>
public sealed record InteractionQueued(
    DateTimeOffset At, InteractionId InteractionId, QueueId QueueId, Channel Channel, int Priority,
    DateTimeOffset EnqueuedAt, int Position, TimeSpan? EstimatedWait)
    : RoutingEvent(At);
