using Parley.Analytics.Intervals;
using Parley.Analytics.Records;

namespace Parley.Analytics.Reports;

/// <summary>
/// IVR containment and path counts per flow, over calls that entered a flow inside the range; flows in id order, each
/// flow's paths most taken first (ties by path), at most <see cref="MaxPaths"/> of them.
/// </summary>
public static class IvrReport
{
    public const int MaxPaths = 10;

    /// <summary>Between two block ids of a path label.</summary>
    public const string PathSeparator = " > ";

    public static IReadOnlyList<IvrFlowRow> Calculate(IEnumerable<IvrVisit> visits, IntervalCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(visits);
        ArgumentNullException.ThrowIfNull(calendar);
        var flows = new SortedDictionary<string, List<IvrVisit>>(StringComparer.Ordinal);
        foreach (var visit in visits)
        {
            if (calendar.IndexOf(visit.EnteredAt) < 0)
            {
                continue;
            }

            if (!flows.TryGetValue(visit.FlowId, out var list))
            {
                list = [];
                flows[visit.FlowId] = list;
            }

            list.Add(visit);
        }

        return flows.Select(f => Row(f.Key, f.Value)).ToList();
    }

    private static IvrFlowRow Row(string flowId, List<IvrVisit> visits)
    {
        int Count(IvrOutcome outcome) => visits.Where(v => v.Outcome == outcome).Sum(v => v.Count);
        var paths = Shares.Of(visits.Select(v => (string.Join(PathSeparator, v.Path), v.Count)));
        return new IvrFlowRow(
            flowId, visits.Sum(v => v.Count), Count(IvrOutcome.Queued), Count(IvrOutcome.EndedByFlow), Count(IvrOutcome.Abandoned), Count(IvrOutcome.Other),
            paths.Take(MaxPaths).ToList());
    }
}
