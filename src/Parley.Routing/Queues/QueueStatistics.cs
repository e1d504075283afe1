namespace Parley.Routing.Queues;

/// <summary>
/// The cheap, pushed part of a queue's metrics. Service level today is answered within target over answered plus abandoned since the
/// last <see cref="RoutingEngine.ResetDailyStatistics"/>, null before any such interaction.
/// </summary>
public sealed record QueueStatistics(
    QueueId QueueId,
    int Waiting,
    TimeSpan OldestWait,
    TimeSpan? EstimatedWait,
    int AnsweredToday,
    int AnsweredWithinTargetToday,
    int AbandonedToday,
    int OverflowedToday,
    double? ServiceLevelToday,
    TimeSpan AverageHandleTime);
