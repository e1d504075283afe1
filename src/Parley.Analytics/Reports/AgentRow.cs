using Parley.Analytics.Records;

namespace Parley.Analytics.Reports;

/// <summary>One agent's performance over the range. Definitions in docs/reports.md.</summary>
public sealed record AgentRow(
    string AgentId,
    int Handled,
    int TransfersOut,
    TimeSpan Talk,
    TimeSpan Hold,
    TimeSpan WrapUp,
    IReadOnlyDictionary<AgentState, TimeSpan> TimeInState,
    IReadOnlyDictionary<string, TimeSpan> NotReadyByReason)
{
    /// <summary>(Busy + wrap-up) ÷ (available + busy + wrap-up), 0–1; null when the agent was never staffed.</summary>
    public double? Occupancy
    {
        get
        {
            var working = State(AgentState.Busy) + State(AgentState.WrapUp);
            var staffed = working + State(AgentState.Available);
            return staffed <= TimeSpan.Zero ? null : working / staffed;
        }
    }

    /// <summary>(Busy + wrap-up) ÷ every signed-in state (available, busy, wrap-up, not ready), 0–1; null when never signed in.</summary>
    public double? Utilisation
    {
        get
        {
            var working = State(AgentState.Busy) + State(AgentState.WrapUp);
            var signedIn = working + State(AgentState.Available) + State(AgentState.NotReady);
            return signedIn <= TimeSpan.Zero ? null : working / signedIn;
        }
    }

    public TimeSpan? AverageHandleTime => Handled == 0 ? null : (Talk + Hold + WrapUp) / Handled;

    public TimeSpan State(AgentState state) => TimeInState.TryGetValue(state, out var time) ? time : TimeSpan.Zero;
}
