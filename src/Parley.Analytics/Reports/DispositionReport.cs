using Parley.Analytics.Intervals;
using Parley.Analytics.Records;
using Parley.Analytics.Tallies;

namespace Parley.Analytics.Reports;

/// <summary>Answered contacts (entered the queue inside the range) per wrap-up code, most used first.</summary>
public static class DispositionReport
{
    public const string NoCode = "(none)";

    public static IReadOnlyList<ShareRow> Calculate(IEnumerable<ContactRecord> contacts, IntervalCalendar calendar) =>
        Calculate(ContactTallies.Of(contacts), calendar);

    public static IReadOnlyList<ShareRow> Calculate(IEnumerable<ContactTally> tallies, IntervalCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(tallies);
        ArgumentNullException.ThrowIfNull(calendar);
        return Shares.Of(tallies
            .Where(t => t.Answered && calendar.IndexOf(t.EnqueuedAt) >= 0)
            .Select(t => (string.IsNullOrEmpty(t.WrapUpCode) ? NoCode : t.WrapUpCode, t.Count)));
    }
}
