using Parley.Routing.Agents;

namespace Parley.Server.Application.Supervision;

/// <summary>One agent on the dashboard: routing state (and not-ready reason), time in it, work in hand and skills.</summary>
public sealed record AgentRow(
    Guid AgentId,
    string Name,
    AgentState State,
    string? Reason,
    TimeSpan TimeInState,
    bool SignOutPending,
    IReadOnlyList<AgentInteractionView> Interactions,
    IReadOnlyList<string> Skills);
