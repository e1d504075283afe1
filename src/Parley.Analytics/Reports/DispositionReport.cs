using Parley.Analytics.Intervals;
using Parley.Analytics.Records;

namespace Parley.Analytics.Reports;

/// <summary>Answered contacts (entered the queue inside the range) per wrap-up code, most used first.</summary>
public static class DispositionReport
{
    public const string NoCode = "(none)";

    public static IReadOnlyList<ShareRow> Calculate(IEnumerable<ContactRecord> contacts, IntervalCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        ArgumentNullException.ThrowIfNull(calendar);
        var labels = contacts
            .Where(c => !c.Abandoned && calendar.IndexOf(c.EnqueuedAt) >= 0)
            .Select(c => string.IsNullOrEmpty(c.WrapUpCode) ? NoCode : c.WrapUpCode);
        return Shares.Of(labels);
    }
}
