using Parley.Analytics.Intervals;

namespace Parley.Analytics.Tests.Intervals;

public sealed class IntervalCalendarTests
{
    private static readonly TimeSpan Cet = TimeSpan.FromHours(1);
    private static readonly TimeSpan Cest = TimeSpan.FromHours(2);

    [Fact]
    public void HourlyRows_OnTheSpringForwardDay_Are23AndSkipTwoOClock()
    {
        var calendar = IntervalCalendar.Create(
            new DateTimeOffset(2026, 3, 29, 0, 0, 0, Cet), new DateTimeOffset(2026, 3, 30, 0, 0, 0, Cest), ReportInterval.Hour, Fixtures.Berlin);

        Assert.Equal(23, calendar.Slots.Count);
        Assert.All(calendar.Slots, s => Assert.Equal(TimeSpan.FromHours(1), s.Length));
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 3, 0, 0, Cest), calendar.Slots[2].Start);
        Assert.DoesNotContain(calendar.Slots, s => s.Start.Hour == 2);
    }

    [Fact]
    public void HourlyRows_OnTheFallBackDay_Are25WithTwoOneOClockRows()
    {
        var calendar = IntervalCalendar.Create(
            new DateTimeOffset(2026, 10, 25, 0, 0, 0, Cest), new DateTimeOffset(2026, 10, 26, 0, 0, 0, Cet), ReportInterval.Hour, Fixtures.Berlin);

        Assert.Equal(25, calendar.Slots.Count);
        var twoOClock = calendar.Slots.Where(s => s.Start.Hour == 2).ToList();
        Assert.Equal([Cest, Cet], twoOClock.Select(s => s.Start.Offset));
    }

    [Fact]
    public void DailyRows_StartAtLocalMidnight_AndTheDstDayIs23Hours()
    {
        var calendar = IntervalCalendar.Create(
            new DateTimeOffset(2026, 3, 23, 0, 0, 0, Cet), new DateTimeOffset(2026, 3, 30, 0, 0, 0, Cest), ReportInterval.Day, Fixtures.Berlin);

        Assert.Equal(7, calendar.Slots.Count);
        Assert.All(calendar.Slots, s => Assert.Equal(TimeSpan.Zero, s.Start.TimeOfDay));
        Assert.Equal(TimeSpan.FromHours(23), calendar.Slots[6].Length);
    }

    [Fact]
    public void WeeklyRows_BreakOnMondays_AndClipToTheRange()
    {
        var calendar = IntervalCalendar.Create(
            new DateTimeOffset(2026, 3, 25, 0, 0, 0, Cet), new DateTimeOffset(2026, 4, 8, 0, 0, 0, Cest), ReportInterval.Week, Fixtures.Berlin);

        Assert.Equal(
            [new DateTimeOffset(2026, 3, 25, 0, 0, 0, Cet), new DateTimeOffset(2026, 3, 30, 0, 0, 0, Cest), new DateTimeOffset(2026, 4, 6, 0, 0, 0, Cest)],
            calendar.Slots.Select(s => s.Start));
        Assert.Equal(new DateTimeOffset(2026, 4, 8, 0, 0, 0, Cest), calendar.Slots[^1].End);
    }

    [Fact]
    public void QuarterHours_InAHalfHourOffsetZone_FollowTheLocalClock()
    {
        var india = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata");
        var from = new DateTimeOffset(2026, 1, 1, 9, 10, 0, TimeSpan.FromHours(5.5));
        var calendar = IntervalCalendar.Create(from, from.AddHours(1), ReportInterval.Hour, india);

        Assert.Equal([from, new DateTimeOffset(2026, 1, 1, 10, 0, 0, TimeSpan.FromHours(5.5))], calendar.Slots.Select(s => s.Start));
    }

    [Fact]
    public void IndexOf_FindsTheRow_AndMinusOneOutsideTheRange()
    {
        var calendar = Fixtures.NineToTen();

        Assert.Equal(0, calendar.IndexOf(Fixtures.At(0)));
        Assert.Equal(1, calendar.IndexOf(Fixtures.At(15)));
        Assert.Equal(3, calendar.IndexOf(Fixtures.At(59, 59)));
        Assert.Equal(-1, calendar.IndexOf(Fixtures.At(60)));
        Assert.Equal(-1, calendar.IndexOf(Fixtures.At(-1)));
    }

    [Fact]
    public void Create_RejectsAnEmptyRange() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => IntervalCalendar.Create(Fixtures.Nine, Fixtures.Nine, ReportInterval.Hour, TimeZoneInfo.Utc));
}
