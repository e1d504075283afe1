using Parley.Cluster.Routing.Messages;

namespace Parley.Server.Application.Supervision;

/// <summary>
/// Everything the dashboard is computed from: configuration (queues, agents), the routing grain's snapshot (queue views,
/// waiting interactions, agent views) and today's interaction records, read at <see cref="Now"/>; <see cref="Customers"/> names
/// the customer of each interaction in the agents' hands (by interaction id; absent when its attributes name none);
/// <see cref="OnHold"/> says since when each call on hold has been held (by interaction id).
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
    string TimeZone,
    IReadOnlyDictionary<Guid, string>? Customers = null,
    IReadOnlyDictionary<Guid, DateTimeOffset>? OnHold = null);
