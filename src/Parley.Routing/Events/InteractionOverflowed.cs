using Parley.Routing.Interactions;
using Parley.Routing.Queues;

namespace Parley.Routing.Events;

/// <summary>
/// The interaction left <paramref name="QueueId"/>. For a queue target the engine has already queued it
/// there; for voicemail, callback or disconnect the host carries the decision out.
/// </summary>
public sealed record InteractionOverflowed(
    DateTimeOffset At, InteractionId InteractionId, QueueId QueueId, OverflowTarget Target, OverflowReason Reason)
    : RoutingEvent(At);
