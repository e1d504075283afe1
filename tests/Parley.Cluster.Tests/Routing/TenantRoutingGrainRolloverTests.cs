using Microsoft.Extensions.Time.Testing;
using Parley.Cluster.Routing;
using Parley.Cluster.Routing.Messages;
using Parley.Cluster.Tests.Support;
using Parley.Routing;
using Parley.Routing.Channels;

namespace Parley.Cluster.Tests.Routing;

/// <summary>"Today" queue statistics start again at the tenant's local midnight, in the zone its settings name.</summary>
public sealed class TenantRoutingGrainRolloverTests(FakeClockClusterFixture fixture) : IClassFixture<FakeClockClusterFixture>
{
    private static InMemoryRoutingStore Store => InMemoryRoutingStore.Shared;

    [Fact]
    public async Task Shanghai_ResetsTodayAtSixteenUtc_AndSaysWhichDay()
    {
        var tenant = Definitions.NewTenant(Store, agents: 0);
        InMemoryTimeZones.Shared.Set(tenant, "Asia/Shanghai");
        var clock = SwitchableClock.Use(new DateTimeOffset(2026, 12, 1, 15, 0, 0, TimeSpan.Zero)); // 23:00 in Shanghai
        var grain = fixture.Cluster.Client.GetGrain<ITenantRoutingGrain>(tenant);
        await AbandonOneAsync(grain, "a-1");

        var before = await SalesAsync(grain);
        Assert.Equal((1, new DateOnly(2026, 12, 1), "Asia/Shanghai"), (before.AbandonedToday, before.Day, before.TimeZone));

        clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 15, 59, 59, TimeSpan.Zero));
        await grain.Tick();
        Assert.Equal(1, (await SalesAsync(grain)).AbandonedToday);

        clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 16, 0, 0, TimeSpan.Zero));
        await grain.Tick();
        var after = await SalesAsync(grain);
        Assert.Equal((0, new DateOnly(2026, 12, 2)), (after.AbandonedToday, after.Day));
    }

    [Fact]
    public async Task WithoutAZone_TheDayIsUtc()
    {
        var tenant = Definitions.NewTenant(Store, agents: 0);
        var clock = SwitchableClock.Use(new DateTimeOffset(2026, 12, 3, 15, 0, 0, TimeSpan.Zero));
        var grain = fixture.Cluster.Client.GetGrain<ITenantRoutingGrain>(tenant);
        await AbandonOneAsync(grain, "a-1");

        clock.SetUtcNow(new DateTimeOffset(2026, 12, 3, 16, 0, 0, TimeSpan.Zero));
        await grain.Tick();
        var view = await SalesAsync(grain);
        Assert.Equal((1, new DateOnly(2026, 12, 3), "UTC"), (view.AbandonedToday, view.Day, view.TimeZone));

        clock.SetUtcNow(new DateTimeOffset(2026, 12, 4, 0, 0, 0, TimeSpan.Zero));
        await grain.Tick();
        Assert.Equal(0, (await SalesAsync(grain)).AbandonedToday);
    }

    [Fact]
    public async Task NewYork_AcrossBothDstChanges_ResetsAtEachLocalMidnight()
    {
        var tenant = Definitions.NewTenant(Store, agents: 0);
        InMemoryTimeZones.Shared.Set(tenant, "America/New_York");
        var clock = SwitchableClock.Use(new DateTimeOffset(2026, 3, 8, 12, 0, 0, TimeSpan.Zero));
        var grain = fixture.Cluster.Client.GetGrain<ITenantRoutingGrain>(tenant);

        // 2026-03-08 has 23 hours: it ends at 04:00 UTC (EDT), not 05:00 (EST).
        await AbandonOneAsync(grain, "spring");
        await AssertResetsAtAsync(grain, clock, new DateTimeOffset(2026, 3, 9, 4, 0, 0, TimeSpan.Zero), new DateOnly(2026, 3, 9));

        // 2026-11-01 has 25 hours: it ends at 05:00 UTC (EST), not 04:00 (EDT).
        clock.SetUtcNow(new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero));
        await grain.Tick();
        await AbandonOneAsync(grain, "fall");
        await AssertResetsAtAsync(grain, clock, new DateTimeOffset(2026, 11, 2, 5, 0, 0, TimeSpan.Zero), new DateOnly(2026, 11, 2));
    }

    [Fact]
    public async Task RefreshTimeZone_MovesTheNextReset_WithoutResettingToday()
    {
        var tenant = Definitions.NewTenant(Store, agents: 0);
        var clock = SwitchableClock.Use(new DateTimeOffset(2026, 12, 5, 10, 0, 0, TimeSpan.Zero));
        var grain = fixture.Cluster.Client.GetGrain<ITenantRoutingGrain>(tenant);
        await AbandonOneAsync(grain, "a-1");

        InMemoryTimeZones.Shared.Set(tenant, "Asia/Shanghai");
        Assert.Equal("Asia/Shanghai", await grain.RefreshTimeZone());
        var view = await SalesAsync(grain);
        Assert.Equal((1, new DateOnly(2026, 12, 5), "Asia/Shanghai"), (view.AbandonedToday, view.Day, view.TimeZone));

        await AssertResetsAtAsync(grain, clock, new DateTimeOffset(2026, 12, 5, 16, 0, 0, TimeSpan.Zero), new DateOnly(2026, 12, 6));
    }

    private static async Task AssertResetsAtAsync(ITenantRoutingGrain grain, FakeTimeProvider clock, DateTimeOffset midnight, DateOnly newDay)
    {
        clock.SetUtcNow(midnight.AddSeconds(-1));
        await grain.Tick();
        var before = await SalesAsync(grain);
        Assert.Equal((1, newDay.AddDays(-1)), (before.AbandonedToday, before.Day));

        clock.SetUtcNow(midnight);
        await grain.Tick();
        var after = await SalesAsync(grain);
        Assert.Equal((0, newDay), (after.AbandonedToday, after.Day));
    }

    private static async Task AbandonOneAsync(ITenantRoutingGrain grain, string id)
    {
        Assert.Equal(RoutingResult.Ok, await grain.Enqueue(new EnqueueCommand(id, "sales", Channel.Voice, 0, [])));
        Assert.Equal(RoutingResult.Ok, await grain.Abandon(id));
    }

    private static async Task<QueueView> SalesAsync(ITenantRoutingGrain grain) => (await grain.GetQueue("sales"))!;
}
