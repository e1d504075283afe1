using Parley.Analytics.Intervals;
using Parley.Analytics.Records;

namespace Parley.Analytics.Tests;

internal static class Fixtures
{
    public static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    public static readonly DateTimeOffset Nine = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public static IntervalCalendar NineToTen(ReportInterval interval = ReportInterval.FifteenMinutes) =>
        IntervalCalendar.Create(Nine, Nine.AddHours(1), interval, TimeZoneInfo.Utc);

    public static DateTimeOffset At(int minute, int second = 0) => Nine.AddMinutes(minute).AddSeconds(second);

    /// <summary>Four contacts entering 09:00–09:20 and one at 10:00 (outside 09:00–10:00); worked out in QueuePerformanceReportTests.</summary>
    public static IReadOnlyList<ContactRecord> Contacts { get; } =
    [
        new("A", ContactChannel.Voice, "q1", "a1", At(0), At(0, 10), At(5, 10), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(30), false, "sale"),
        new("B", ContactChannel.Chat, "q2", "a2", At(5), At(5, 40), At(8, 40), TimeSpan.Zero, TimeSpan.FromSeconds(20), true, "support"),
        new("C", ContactChannel.Voice, "q1", null, At(10), null, At(10, 25), TimeSpan.Zero, TimeSpan.Zero, false, null),
        new("D", ContactChannel.Voice, "q1", "a2", At(20), At(20, 5), At(30, 5), TimeSpan.Zero, TimeSpan.Zero, false, "sale"),
        new("E", ContactChannel.Voice, "q1", "a1", At(60), At(60, 1), At(61), TimeSpan.Zero, TimeSpan.Zero, false, "sale"),
    ];
}
