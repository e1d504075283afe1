using Parley.Analytics.Records;

namespace Parley.Analytics.Tallies;

/// <summary>Agent state time summed per UTC quarter hour, for the stored aggregates.</summary>
public static class AgentStateTallies
{
    /// <summary>
    /// Cuts the spans at quarter-hour boundaries and sums the time of each agent, state and reason per UTC quarter hour,
    /// as one span from the quarter's start lasting the sum. <see cref="Reports.AgentPerformanceReport"/> answers the same
    /// over any range that starts and ends on quarter hours, as long as one agent's spans do not overlap (a history).
    /// </summary>
    public static IReadOnlyList<AgentStateSpan> ByQuarter(IEnumerable<AgentStateSpan> spans)
    {
        ArgumentNullException.ThrowIfNull(spans);
        return ByQuarter(spans, DateTimeOffset.MinValue, DateTimeOffset.MaxValue);
    }

    /// <summary>The sums of the spans' parts inside <c>[from, until)</c>: a stretch's own, when spans reach out of it.</summary>
    public static IReadOnlyList<AgentStateSpan> ByQuarter(IEnumerable<AgentStateSpan> spans, DateTimeOffset from, DateTimeOffset until)
    {
        ArgumentNullException.ThrowIfNull(spans);
        var sums = new Dictionary<(string Agent, DateTimeOffset Quarter, AgentState State, string? Reason), TimeSpan>();
        foreach (var span in spans)
        {
            var (first, last) = (span.Start > from ? span.Start : from, span.End < until ? span.End : until);
            for (var quarter = ContactTallies.QuarterOf(first); quarter < last; quarter += ContactTallies.Quarter)
            {
                var start = first > quarter ? first : quarter;
                var end = last < quarter + ContactTallies.Quarter ? last : quarter + ContactTallies.Quarter;
                var key = (span.AgentId, quarter, span.State, span.Reason);
                sums[key] = sums.GetValueOrDefault(key) + (end - start);
            }
        }

        return sums.Where(s => s.Value > TimeSpan.Zero)
            .Select(s => new AgentStateSpan(s.Key.Agent, s.Key.State, s.Key.Reason, s.Key.Quarter, s.Key.Quarter + s.Value))
            .ToList();
    }
}
