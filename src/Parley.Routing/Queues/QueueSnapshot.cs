namespace Parley.Routing.Queues;

/// <summary>
/// Real-time metrics of one queue. Service level today is answered within target over answered plus abandoned
/// since the last <see cref="RoutingEngine.ResetDailyStatistics"/>; null before any such interaction.
/// </summary>
public sealed record QueueSnapshot(
    QueueId QueueId,
    int Waiting,
    TimeSpan OldestWait,
    AgentStateCounts Agents,
    int AvailableSlots,
    TimeSpan? EstimatedWait,
    int AnsweredToday,
    int AnsweredWithinTargetToday,
    int AbandonedToday,
    int OverflowedToday,
    double? ServiceLevelToday,
    TimeSpan AverageHandleTime);
