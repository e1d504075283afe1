using Parley.Analytics.Records;

namespace Parley.Analytics.Tallies;

/// <summary>IVR visits summed per UTC quarter hour, for the stored aggregates.</summary>
public static class IvrTallies
{
    /// <summary>
    /// Merges the visits that entered the same flow in the same UTC quarter hour and share outcome and path into one
    /// visit with their <see cref="IvrVisit.Count"/>, entered at the quarter's start. <see cref="Reports.IvrReport"/>
    /// answers the same over any range that starts and ends on quarter hours.
    /// </summary>
    public static IReadOnlyList<IvrVisit> ByQuarter(IEnumerable<IvrVisit> visits)
    {
        ArgumentNullException.ThrowIfNull(visits);
        var merged = new Dictionary<(string Flow, DateTimeOffset Quarter, IvrOutcome Outcome, string Path), IvrVisit>();
        foreach (var visit in visits)
        {
            var key = (visit.FlowId, ContactTallies.QuarterOf(visit.EnteredAt), visit.Outcome, string.Join('\n', visit.Path));
            merged[key] = merged.TryGetValue(key, out var sum)
                ? sum with { Count = sum.Count + visit.Count }
                : visit with { EnteredAt = key.Item2 };
        }

        return merged.Values.ToList();
    }
}
