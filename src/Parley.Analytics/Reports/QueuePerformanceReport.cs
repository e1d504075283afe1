using Parley.Analytics.Intervals;
using Parley.Analytics.Records;

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
        Func<string, TimeSpan?>? thresholdOf = null)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        ArgumentNullException.ThrowIfNull(calendar);
        var rows = new QueueAccumulator[calendar.Slots.Count];
        var total = new QueueAccumulator();
        var thresholds = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        foreach (var contact in contacts)
        {
            var index = calendar.IndexOf(contact.EnqueuedAt);
            if (index < 0)
            {
                continue;
            }

            if (!thresholds.TryGetValue(contact.QueueId, out var threshold))
            {
                threshold = thresholdOf?.Invoke(contact.QueueId) ?? DefaultThreshold;
                thresholds[contact.QueueId] = threshold;
            }

            (rows[index] ??= new QueueAccumulator()).Add(contact, threshold);
            total.Add(contact, threshold);
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
