using Parley.Routing.Agents;

namespace Parley.Server.Application.Supervision;

/// <summary>
/// One agent on the dashboard: routing state (and not-ready reason), time in it, work in hand and skills; <see cref="Phone"/>
/// says whether a call can ring them (null when they take no voice).
/// </summary>
public sealed record AgentRow(
    Guid AgentId,
    string Name,
    AgentState State,
    string? Reason,
    TimeSpan TimeInState,
    bool SignOutPending,
    IReadOnlyList<AgentInteractionView> Interactions,
    IReadOnlyList<string> Skills,
    VoicePhone? Phone = null)
{
    /// <summary>How long the agent has held their customer, when a call of theirs is on hold now.</summary>
    public TimeSpan? OnHoldFor => Interactions.Select(i => i.OnHoldFor).Max();
}
