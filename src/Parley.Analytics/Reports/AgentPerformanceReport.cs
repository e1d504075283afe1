using Parley.Analytics.Intervals;
using Parley.Analytics.Records;
using Parley.Analytics.Tallies;

namespace Parley.Analytics.Reports;

/// <summary>
/// Per agent: contacts handled (answered inside the range), talk, hold and wrap-up time of those contacts, and time in each
/// state and not-ready reason clipped to the range.
/// </summary>
public static class AgentPerformanceReport
{
    /// <summary>The reason shown for not-ready time without one.</summary>
    public const string NoReason = "(none)";

    public static IReadOnlyList<AgentRow> Calculate(
        IEnumerable<ContactRecord> contacts,
        IEnumerable<AgentStateSpan> states,
        IntervalCalendar calendar) =>
        Calculate(ContactTallies.Of(contacts), states, calendar);

    public static IReadOnlyList<AgentRow> Calculate(
        IEnumerable<ContactTally> tallies,
        IEnumerable<AgentStateSpan> states,
        IntervalCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(tallies);
        ArgumentNullException.ThrowIfNull(states);
        ArgumentNullException.ThrowIfNull(calendar);
        var from = calendar.Slots[0].Start;
        var to = calendar.Slots[^1].End;
        var agents = new SortedDictionary<string, Accumulator>(StringComparer.Ordinal);
        foreach (var tally in tallies)
        {
            if (tally is { AgentId: { } agent, AnsweredAt: { } answered } && answered >= from && answered < to)
            {
                var row = Get(agents, agent);
                row.Handled += tally.Count;
                row.Transfers += tally.Transfers;
                row.Talk += tally.Talk;
                row.Hold += tally.Hold;
                row.WrapUp += tally.WrapUp;
            }
        }

        foreach (var span in states)
        {
            var start = span.Start > from ? span.Start : from;
            var end = span.End < to ? span.End : to;
            if (end <= start)
            {
                continue;
            }

            var row = Get(agents, span.AgentId);
            row.States[span.State] = row.States.GetValueOrDefault(span.State) + (end - start);
            if (span.State == AgentState.NotReady)
            {
                var reason = string.IsNullOrEmpty(span.Reason) ? NoReason : span.Reason;
                row.Reasons[reason] = row.Reasons.GetValueOrDefault(reason) + (end - start);
            }
        }

        return agents.Select(a => new AgentRow(
            a.Key, a.Value.Handled, a.Value.Transfers, a.Value.Talk, a.Value.Hold, a.Value.WrapUp, a.Value.States, a.Value.Reasons)).ToList();
    }

    private static Accumulator Get(SortedDictionary<string, Accumulator> agents, string agent)
    {
        if (!agents.TryGetValue(agent, out var row))
        {
            row = new Accumulator();
            agents[agent] = row;
        }

        return row;
    }

    private sealed class Accumulator
    {
        public int Handled { get; set; }

        public int Transfers { get; set; }

        public TimeSpan Talk { get; set; }

        public TimeSpan Hold { get; set; }

        public TimeSpan WrapUp { get; set; }

        public Dictionary<AgentState, TimeSpan> States { get; } = [];

        public SortedDictionary<string, TimeSpan> Reasons { get; } = new(StringComparer.Ordinal);
    }
}
