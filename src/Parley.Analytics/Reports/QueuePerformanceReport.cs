using Parley.Analytics.Intervals;
using Parley.Analytics.Records;
using Parley.Analytics.Tallies;

namespace Parley.Analytics.Reports;

/// <summary>
/// Offered, answered, abandoned, service level, speed of answer, handle time and waits per interval. A contact counts
/// in the interval in which it entered the queue; contacts entering outside the range are ignored.
/// </summary>
public static class QueuePerformanceReport
{
    /// <summary>The service-level threshold used when a queue has none.</summary>
    public static readonly TimeSpan DefaultThreshold = TimeSpan.FromSeconds(20);

    public static ReportResult<QueueRow> Calculate(
        IEnumerable<ContactRecord> contacts,
        IntervalCalendar calendar,
        Func<string, TimeSpan?>? thresholdOf = null) =>
        Calculate(ContactTallies.Of(contacts, thresholdOf), calendar);

    /// <summary>The same over tallies (single contacts or quarter-hour aggregates), judged against their own thresholds.</summary>
    public static ReportResult<QueueRow> Calculate(IEnumerable<ContactTally> tallies, IntervalCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(tallies);
        ArgumentNullException.ThrowIfNull(calendar);
        var rows = new QueueAccumulator[calendar.Slots.Count];
        var total = new QueueAccumulator();
        foreach (var tally in tallies)
        {
            var index = calendar.IndexOf(tally.EnqueuedAt);
            if (index < 0)
            {
                continue;
            }

            (rows[index] ??= new QueueAccumulator()).Add(tally);
            total.Add(tally);
        }

        var result = new QueueRow[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            result[i] = (rows[i] ?? new QueueAccumulator()).ToRow(calendar.Slots[i]);
        }

        var whole = new IntervalSlot(calendar.Slots[0].Start, calendar.Slots[^1].End);
        return new ReportResult<QueueRow>(result, total.ToRow(whole));
    }
}
