using Parley.Cluster.Routing;
using Parley.Cluster.Routing.Seats;
using Parley.Cluster.Tests.Support;
using Parley.Routing;
using Parley.Routing.Agents;
using Parley.Routing.Channels;
using Parley.Routing.Skills;

namespace Parley.Cluster.Tests.Routing;

public sealed class TenantRoutingGrainSeatTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private static InMemoryRoutingStore Store => InMemoryRoutingStore.Shared;

    [Fact]
    public async Task TwoTenantsSigningInAtOnce_EachGetsExactlyItsOwnSeats_AndTheRestAreRefusedByGroup()
    {
        var small = NewTenant(agents: 6, new SeatLimits(Voice: 2, Digital: null, Video: null));
        var large = NewTenant(agents: 6, new SeatLimits(Voice: 5, Digital: null, Video: null));

        var results = await Task.WhenAll(
            SignInAllAsync(small, 6).Concat(SignInAllAsync(large, 6)));

        var smallResults = results.Take(6).ToList();
        var largeResults = results.Skip(6).ToList();
        Assert.Equal(2, smallResults.Count(r => r == RoutingResult.Ok));
        Assert.All(smallResults.Where(r => r != RoutingResult.Ok), r => Assert.Equal(RoutingResult.NoVoiceSeat, r));
        Assert.Equal(5, largeResults.Count(r => r == RoutingResult.Ok));
        Assert.Equal(new SeatsView(2, 2, 0, new SeatLimits(2, null, null)), await Grain(small).GetSeats());
        Assert.Equal(5, (await Grain(large).GetSeats()).Voice);
    }

    [Fact]
    public async Task AnAgentWithVoiceAndChat_TakesAVoiceSeatAndADigitalSeat_AndAFullDigitalGroupRefusesThem()
    {
        var tenant = NewTenant(agents: 2, new SeatLimits(Voice: 5, Digital: 1, Video: 0));
        var grain = Grain(tenant);
        Store.Define(tenant, new AgentDefinition(new AgentId("voice-only"), [new AgentSkill(new SkillId("sales"), 1)], new Dictionary<Channel, int> { [Channel.Voice] = 1 }));
        await grain.RefreshAgent("voice-only");

        Assert.Equal(RoutingResult.Ok, await grain.SignIn("agent-1", null));
        Assert.Equal(RoutingResult.NoDigitalSeat, await grain.SignIn("agent-2", null));
        Assert.Equal(RoutingResult.Ok, await grain.SignIn("voice-only", null));
        Assert.Equal((2, 1, 0), Counts(await grain.GetSeats()));

        Assert.Equal(RoutingResult.Ok, await grain.SignOut("agent-1", forced: false));
        Assert.Equal(RoutingResult.Ok, await grain.SignIn("agent-2", null));
        Assert.Equal((2, 1, 0), Counts(await grain.GetSeats()));
    }

    [Fact]
    public async Task LoweringThePlanUnderConcurrentSignIns_SignsNobodyOut_AndRefusesUntilUseFallsBelowTheNewLimit()
    {
        var tenant = NewTenant(agents: 8, new SeatLimits(Voice: 8, Digital: null, Video: null));
        var grain = Grain(tenant);
        var first = await Task.WhenAll(SignInAllAsync(tenant, 4));
        Assert.All(first, r => Assert.Equal(RoutingResult.Ok, r));

        InMemoryPlans.Shared.Set(tenant, new SeatLimits(Voice: 2, Digital: null, Video: null));
        var racing = SignInRangeAsync(tenant, 5, 8).Append(grain.RefreshPlan().ContinueWith(_ => RoutingResult.Ok, TaskScheduler.Default));
        await Task.WhenAll(racing);

        var seats = await grain.GetSeats();
        Assert.Equal(2, seats.Limits.Voice);
        Assert.InRange(seats.Voice, 4, 8); // sign-ins that ran before the change kept their seats
        for (var i = 1; i <= 4; i++)
        {
            Assert.NotEqual(AgentState.LoggedOut, (await grain.GetAgent($"agent-{i}"))!.State);
        }

        var signedIn = (await grain.GetAgents()).Where(a => a.State != AgentState.LoggedOut).Select(a => a.AgentId).ToList();
        var signedOut = (await grain.GetAgents()).Where(a => a.State == AgentState.LoggedOut).Select(a => a.AgentId).ToList();
        foreach (var agent in signedOut)
        {
            Assert.Equal(RoutingResult.NoVoiceSeat, await grain.SignIn(agent, null));
        }

        foreach (var agent in signedIn.Skip(1))
        {
            Assert.Equal(RoutingResult.Ok, await grain.SignOut(agent, forced: false));
        }

        Assert.Equal(1, (await grain.GetSeats()).Voice);
        Assert.Equal(RoutingResult.Ok, await grain.SignIn(signedIn[1], null));
        Assert.Equal(RoutingResult.NoVoiceSeat, await grain.SignIn(signedIn[2], null));
    }

    private ITenantRoutingGrain Grain(Guid tenant) => fixture.Cluster.Client.GetGrain<ITenantRoutingGrain>(tenant);

    private static Guid NewTenant(int agents, SeatLimits limits)
    {
        var tenant = Definitions.NewTenant(Store, agents);
        InMemoryPlans.Shared.Set(tenant, limits);
        return tenant;
    }

    private IEnumerable<Task<RoutingResult>> SignInAllAsync(Guid tenant, int agents) => SignInRangeAsync(tenant, 1, agents);

    private IEnumerable<Task<RoutingResult>> SignInRangeAsync(Guid tenant, int from, int to) =>
        Enumerable.Range(from, to - from + 1).Select(i => Task.Run(() => Grain(tenant).SignIn($"agent-{i}", null), TestContext.Current.CancellationToken)).ToList();

    private static (int Voice, int Digital, int Video) Counts(SeatsView seats) => (seats.Voice, seats.Digital, seats.Video);
}
