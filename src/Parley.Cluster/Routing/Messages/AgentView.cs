using Parley.Routing.Agents;

namespace Parley.Cluster.Routing.Messages;

/// <summary>
/// Real-time view of one agent: reported state, reason, time in state, selection and work in hand. Durations are as of
/// <see cref="AsOf"/> (the grain's clock when the view was made), so a reader adds only the time since then.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record AgentView(
    string AgentId,
    AgentState State,
    string? ReasonCode,
    TimeSpan TimeInState,
    string? SelectedNotReadyReason,
    bool SignOutPending,
    int MissedOffersInRow,
    AgentWorkView[] Work,
    WrapUpView[] WrapUps,
    DateTimeOffset AsOf);
