using CsCheck;
using Parley.Analytics.Intervals;
using Parley.Analytics.Records;
using Parley.Analytics.Reports;
using Parley.Analytics.Tallies;

namespace Parley.Analytics.Tests.Tallies;

/// <summary>
/// The IVR and agent-state aggregates keep the promise of the contact ones: the IVR report and the agents' state times
/// from quarter-hour sums equal the recomputation from raw visits and spans, for any range on quarter hours.
/// </summary>
public sealed class IvrAndStateAggregatePropertyTests
{
    private static readonly DateTimeOffset Start = new(2026, 10, 20, 22, 0, 0, TimeSpan.Zero);

    private static readonly string[][] Paths = [["start"], ["start", "menu"], ["start", "menu", "queue"], ["start", "menu", "menu", "bye"]];

    private static readonly Gen<IvrVisit> Visit =
        Gen.Select(Gen.Int[0, 200_000], Gen.Int[0, 2], Gen.Enum<IvrOutcome>(), Gen.Int[0, Paths.Length - 1], (entered, flow, outcome, path) =>
            new IvrVisit($"f{flow}", Start.AddSeconds(entered).AddMilliseconds(entered % 997), outcome, Paths[path]));

    /// <summary>One agent's history: consecutive spans of random states, lengths from a second to two hours.</summary>
    private static readonly Gen<AgentStateSpan[]> History =
        Gen.Select(Gen.Int[0, 3], Gen.Select(Gen.Enum<AgentState>(), Gen.Int[1, 7_200], Gen.Int[0, 2]).Array[1, 40], (agent, steps) =>
        {
            var at = Start.AddMilliseconds(agent * 4_321);
            var spans = new List<AgentStateSpan>();
            foreach (var (state, seconds, reason) in steps)
            {
                var end = at.AddSeconds(seconds).AddMilliseconds(seconds % 13);
                spans.Add(new AgentStateSpan($"a{agent}", state, state == AgentState.NotReady && reason > 0 ? $"r{reason}" : null, at, end));
                at = end;
            }

            return spans.ToArray();
        });

    private static readonly Gen<(DateTimeOffset From, DateTimeOffset To)> Range =
        Gen.Select(Gen.Int[0, 250], Gen.Int[1, 300], (first, quarters) => (Start.AddMinutes(15 * first), Start.AddMinutes(15 * (first + quarters))));

    [Fact]
    public void TheIvrReport_FromQuarterSums_EqualsTheRecomputationFromRawVisits() =>
        Gen.Select(Visit.Array[0, 300], Range).Sample((visits, range) =>
        {
            var total = IntervalCalendar.Create(range.From, range.To, ReportInterval.Total, Fixtures.Berlin);
            var stored = IvrTallies.ByQuarter(visits);

            Assert.Equal(Rows(IvrReport.Calculate(visits, total)), Rows(IvrReport.Calculate(stored, total)));
            Assert.True(stored.Count <= visits.Length);
        }, iter: 300, threads: 1);

    [Fact]
    public void TheAgentsStateTimes_FromQuarterSums_EqualTheRecomputationFromRawSpans() =>
        Gen.Select(History.Array[0, 4], Range).Sample((histories, range) =>
        {
            // One history per agent: an agent's spans never overlap.
            var spans = histories.SelectMany((h, agent) => h.Select(s => s with { AgentId = $"a{agent}" })).ToList();
            var total = IntervalCalendar.Create(range.From, range.To, ReportInterval.Total, Fixtures.Berlin);

            var raw = AgentPerformanceReport.Calculate(Array.Empty<ContactTally>(), spans, total);
            var stored = AgentPerformanceReport.Calculate(Array.Empty<ContactTally>(), AgentStateTallies.ByQuarter(spans), total);

            Assert.Equal(raw.Select(States), stored.Select(States));
        }, iter: 300, threads: 1);

    [Fact]
    public void A_span_across_quarters_is_cut_at_each_boundary()
    {
        var span = new AgentStateSpan("a", AgentState.Available, null, Start.AddMinutes(10), Start.AddMinutes(40));

        var sums = AgentStateTallies.ByQuarter([span]);

        Assert.Equal(
            [(Start, TimeSpan.FromMinutes(5)), (Start.AddMinutes(15), TimeSpan.FromMinutes(15)), (Start.AddMinutes(30), TimeSpan.FromMinutes(10))],
            sums.Select(s => (s.Start, s.End - s.Start)));
    }

    private static string Rows(IReadOnlyList<IvrFlowRow> rows) =>
        string.Join("\n", rows.Select(r => $"{r.FlowId} {r.Entered} {r.Queued} {r.EndedByFlow} {r.Abandoned} {r.Other} "
            + string.Join(",", r.TopPaths.Select(p => $"{p.Label}={p.Count}"))));

    private static string States(AgentRow row) =>
        $"{row.AgentId} " + string.Join(",", row.TimeInState.OrderBy(s => s.Key).Select(s => $"{s.Key}={s.Value.Ticks}"))
        + " " + string.Join(",", row.NotReadyByReason.Select(r => $"{r.Key}={r.Value.Ticks}"));
}
