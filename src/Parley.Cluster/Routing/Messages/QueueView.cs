namespace Parley.Cluster.Routing.Messages;

/// <summary>Real-time metrics of one queue.</summary>
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
    AgentCountsView Agents);
