using Parley.Cluster.Routing.Seats;
using Parley.Server.Web.Supervisor;

namespace Parley.Web.Tests.Supervisor;

/// <summary>The seats tile reads in use / plan per channel group, and in use alone where the plan sets no limit.</summary>
public sealed class SeatTextTests
{
    [Fact]
    public void Limited_groups_show_their_limit_and_unlimited_ones_only_what_is_in_use() =>
        Assert.Equal("3/5 · 2 · 0/0", SeatText.Describe(new SeatsView(3, 2, 0, new SeatLimits(5, null, 0))));

    [Fact]
    public void An_unlimited_plan_shows_three_counts() =>
        Assert.Equal("0 · 0 · 0", SeatText.Describe(new SeatsView(0, 0, 0, new SeatLimits(null, null, null))));
}
