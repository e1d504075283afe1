using Parley.Cluster.Routing;

namespace Parley.Cluster.Tests.Routing;

public sealed class DailyRolloverTests
{
    private static readonly DateTimeOffset Evening = new(2026, 11, 23, 23, 59, 0, TimeSpan.Zero);

    [Fact]
    public void Crossed_SameDay_IsFalse()
    {
        var rollover = new DailyRollover(Evening);
        Assert.False(rollover.Crossed(Evening.AddSeconds(59)));
    }

    [Fact]
    public void Crossed_AfterMidnight_IsTrueOnce()
    {
        var rollover = new DailyRollover(Evening);
        Assert.True(rollover.Crossed(Evening.AddMinutes(1)));
        Assert.False(rollover.Crossed(Evening.AddMinutes(2)));
        Assert.True(rollover.Crossed(Evening.AddDays(1).AddMinutes(1)));
    }

    [Fact]
    public void Crossed_UsesUtcDay_WhateverTheOffset()
    {
        var rollover = new DailyRollover(new DateTimeOffset(2026, 11, 24, 1, 0, 0, TimeSpan.FromHours(2)));
        Assert.False(rollover.Crossed(new DateTimeOffset(2026, 11, 23, 23, 30, 0, TimeSpan.Zero)));
        Assert.True(rollover.Crossed(new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero)));
    }
}
