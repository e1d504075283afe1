namespace Parley.Analytics.Reports;

/// <summary>
/// One flow's calls over the range: how many entered, how their IVR part ended, and the most taken paths.
/// Definitions in docs/reports.md.
/// </summary>
public sealed record IvrFlowRow(string FlowId, int Entered, int Queued, int EndedByFlow, int Abandoned, int Other, IReadOnlyList<ShareRow> TopPaths)
{
    /// <summary>Calls that never reached a queue ÷ calls that entered, 0–1; null when none entered.</summary>
    public double? Containment => Entered == 0 ? null : (double)(Entered - Queued) / Entered;

    /// <summary>Calls the flow itself finished ÷ calls that entered (the self-service rate), 0–1; null when none entered.</summary>
    public double? SelfService => Entered == 0 ? null : (double)EndedByFlow / Entered;
}
