using Microsoft.Extensions.Time.Testing;
using Parley.Cluster.Routing;

namespace Parley.Cluster.Tests.Routing;

public sealed class DailyRolloverTests
{
    private static readonly DateTimeOffset Evening = new(2026, 11, 23, 23, 59, 0, TimeSpan.Zero);
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    [Fact]
    public void Crossed_SameDay_IsFalse()
    {
        var rollover = new DailyRollover(TimeZoneInfo.Utc, Evening);
        Assert.False(rollover.Crossed(Evening.AddSeconds(59)));
    }

    [Fact]
    public void Crossed_AfterMidnight_IsTrueOnce()
    {
        var rollover = new DailyRollover(TimeZoneInfo.Utc, Evening);
        Assert.True(rollover.Crossed(Evening.AddMinutes(1)));
        Assert.False(rollover.Crossed(Evening.AddMinutes(2)));
        Assert.True(rollover.Crossed(Evening.AddDays(1).AddMinutes(1)));
    }

    [Fact]
    public void Crossed_InUtc_UsesUtcDay_WhateverTheOffset()
    {
        var rollover = new DailyRollover(TimeZoneInfo.Utc, new DateTimeOffset(2026, 11, 24, 1, 0, 0, TimeSpan.FromHours(2)));
        Assert.False(rollover.Crossed(new DateTimeOffset(2026, 11, 23, 23, 30, 0, TimeSpan.Zero)));
        Assert.True(rollover.Crossed(new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Crossed_InShanghai_AtSixteenUtc_NotAtUtcMidnight()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 15, 0, 0, TimeSpan.Zero));
        var rollover = new DailyRollover(Shanghai, clock.GetUtcNow());
        Assert.Equal(new DateOnly(2026, 12, 1), rollover.Day);

        clock.Advance(TimeSpan.FromMinutes(59) + TimeSpan.FromSeconds(59));
        Assert.False(rollover.Crossed(clock.GetUtcNow()));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(rollover.Crossed(clock.GetUtcNow()));
        Assert.Equal(new DateOnly(2026, 12, 2), rollover.Day);

        clock.Advance(TimeSpan.FromHours(8));
        Assert.False(rollover.Crossed(clock.GetUtcNow()));
        Assert.Equal(new DateOnly(2026, 12, 2), rollover.Day);
    }

    [Fact]
    public void NewYork_SpringForward_DayOf23Hours_EndsAtLocalMidnight()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 8, 5, 0, 0, TimeSpan.Zero));
        var rollover = new DailyRollover(NewYork, clock.GetUtcNow());
        Assert.Equal(new DateOnly(2026, 3, 8), rollover.Day);
        Assert.Equal(new DateTimeOffset(2026, 3, 9, 4, 0, 0, TimeSpan.Zero), rollover.Ends);

        clock.Advance(TimeSpan.FromHours(23) - TimeSpan.FromSeconds(1));
        Assert.False(rollover.Crossed(clock.GetUtcNow()));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(rollover.Crossed(clock.GetUtcNow()));
        Assert.Equal(new DateOnly(2026, 3, 9), rollover.Day);
    }

    [Fact]
    public void NewYork_FallBack_DayOf25Hours_EndsAtLocalMidnight()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 1, 4, 0, 0, TimeSpan.Zero));
        var rollover = new DailyRollover(NewYork, clock.GetUtcNow());
        Assert.Equal(new DateOnly(2026, 11, 1), rollover.Day);
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 5, 0, 0, TimeSpan.Zero), rollover.Ends);

        clock.Advance(TimeSpan.FromHours(24));
        Assert.False(rollover.Crossed(clock.GetUtcNow()));
        clock.Advance(TimeSpan.FromHours(1) - TimeSpan.FromSeconds(1));
        Assert.False(rollover.Crossed(clock.GetUtcNow()));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(rollover.Crossed(clock.GetUtcNow()));
        Assert.Equal(new DateOnly(2026, 11, 2), rollover.Day);
    }

    [Fact]
    public void StartOf_WhenDstSkipsMidnight_IsTheEndOfTheGap()
    {
        // Santiago springs forward at 00:00 local (UTC-4 → UTC-3) on 2026-09-06: the day begins at 01:00 = 04:00 UTC.
        var santiago = TimeZoneInfo.FindSystemTimeZoneById("America/Santiago");
        Assert.Equal(new DateTimeOffset(2026, 9, 6, 4, 0, 0, TimeSpan.Zero), DailyRollover.StartOf(santiago, new DateOnly(2026, 9, 6)));
    }

    [Fact]
    public void ChangeZone_MovesTheNextReset_WithoutResetting()
    {
        var now = new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
        var rollover = new DailyRollover(TimeZoneInfo.Utc, now);
        rollover.ChangeZone(Shanghai, now);
        Assert.Equal((new DateOnly(2026, 12, 1), new DateTimeOffset(2026, 12, 1, 16, 0, 0, TimeSpan.Zero)), (rollover.Day, rollover.Ends));
        Assert.False(rollover.Crossed(now.AddHours(5)));
        Assert.True(rollover.Crossed(now.AddHours(6)));
    }
}
