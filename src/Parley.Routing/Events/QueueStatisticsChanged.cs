using Parley.Routing.Queues;

namespace Parley.Routing.Events;

/// <summary>Published by <see cref="RoutingEngine.Tick"/> for each queue that changed since the previous tick.</summary>
public sealed record QueueStatisticsChanged(DateTimeOffset At, QueueStatistics Statistics) : RoutingEvent(At);
