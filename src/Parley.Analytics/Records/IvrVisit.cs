namespace Parley.Analytics.Records;

/// <summary>
/// One call's way through an IVR flow: the flow it entered first, when, how the IVR part ended, and the blocks it passed
/// in order (block ids as the flow names them). <paramref name="Count"/> is above one for the calls of one quarter hour
/// that share all of it (<see cref="Tallies.IvrTallies.ByQuarter"/>); <paramref name="EnteredAt"/> is then the quarter's start.
/// </summary>
public sealed record IvrVisit(string FlowId, DateTimeOffset EnteredAt, IvrOutcome Outcome, IReadOnlyList<string> Path, int Count = 1);
