using Parley.Analytics.Intervals;
using Parley.Analytics.Records;

namespace Parley.Analytics.Reports;

/// <summary>Offered contacts (entered a queue inside the range) per channel.</summary>
public static class ChannelMixReport
{
    public static IReadOnlyList<ShareRow> Calculate(IEnumerable<ContactRecord> contacts, IntervalCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        ArgumentNullException.ThrowIfNull(calendar);
        return Shares.Of(contacts.Where(c => calendar.IndexOf(c.EnqueuedAt) >= 0).Select(c => c.Channel.ToString().ToLowerInvariant()));
    }
}
