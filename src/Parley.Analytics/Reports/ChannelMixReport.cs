using Parley.Analytics.Intervals;
using Parley.Analytics.Records;
using Parley.Analytics.Tallies;

namespace Parley.Analytics.Reports;

/// <summary>Offered contacts (entered a queue inside the range) per channel.</summary>
public static class ChannelMixReport
{
    public static IReadOnlyList<ShareRow> Calculate(IEnumerable<ContactRecord> contacts, IntervalCalendar calendar) =>
        Calculate(ContactTallies.Of(contacts), calendar);

    public static IReadOnlyList<ShareRow> Calculate(IEnumerable<ContactTally> tallies, IntervalCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(tallies);
        ArgumentNullException.ThrowIfNull(calendar);
        return Shares.Of(tallies.Where(t => calendar.IndexOf(t.EnqueuedAt) >= 0).Select(t => (t.Channel.ToString().ToLowerInvariant(), t.Count)));
    }
}
