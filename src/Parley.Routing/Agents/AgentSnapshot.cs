namespace Parley.Routing.Agents;

/// <summary>
/// Real-time view of one agent. <see cref="SelectedNotReadyReason"/> is what the agent chose for after their
/// work (null: available); <see cref="ReasonCode"/> is set when the reported state is not ready.
/// </summary>
public sealed record AgentSnapshot(
    AgentId AgentId,
    AgentState State,
    string? ReasonCode,
    TimeSpan TimeInState,
    string? SelectedNotReadyReason,
    bool SignOutPending,
    int MissedOffersInRow,
    IReadOnlyList<AgentWork> Work,
    IReadOnlyList<PendingWrapUp> WrapUps);
