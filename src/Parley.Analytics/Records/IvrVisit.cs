namespace Parley.Analytics.Records;

/// <summary>
/// One call's way through an IVR flow: the flow it entered first, when, how the IVR part ended, and the blocks it passed
/// in order (block ids as the flow names them).
/// </summary>
public sealed record IvrVisit(string FlowId, DateTimeOffset EnteredAt, IvrOutcome Outcome, IReadOnlyList<string> Path);
