namespace Parley.Cluster.Routing.Messages;

/// <summary>
/// Real-time metrics of one queue. The "…Today" figures count since local midnight of <see cref="Day"/> in the
/// tenant's <see cref="TimeZone"/> (an IANA id).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record QueueView(
    string QueueId,
    int Waiting,
    TimeSpan OldestWait,
    int AvailableAgents,
    int AvailableSlots,
    TimeSpan? EstimatedWait,
    int AnsweredToday,
    int AnsweredWithinTargetToday,
    int AbandonedToday,
    int OverflowedToday,
    double? ServiceLevelToday,
    TimeSpan AverageHandleTime,
    AgentCountsView Agents,
    DateOnly Day,
    string TimeZone);
