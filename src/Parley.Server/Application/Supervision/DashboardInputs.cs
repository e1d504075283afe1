using Parley.Cluster.Routing.Messages;

namespace Parley.Server.Application.Supervision;

/// <summary>
/// Everything the dashboard is computed from: configuration (queues, agents), the routing grain's snapshot (queue views,
/// waiting interactions, agent views) and today's interaction records, read at <see cref="Now"/>.
/// </summary>
public sealed record DashboardInputs(
    DateTimeOffset Now,
    IReadOnlyList<QueueInput> Queues,
    IReadOnlyList<AgentInput> Agents,
    IReadOnlyList<QueueView> QueueViews,
    IReadOnlyList<WaitingView> Waiting,
    IReadOnlyList<AgentView> AgentViews,
    IReadOnlyList<TodayRecord> Today,
    DateOnly Day,
    string TimeZone);
