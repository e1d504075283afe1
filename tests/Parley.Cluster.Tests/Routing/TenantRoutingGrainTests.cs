using Parley.Cluster.Routing;
using Parley.Cluster.Routing.Messages;
using Parley.Cluster.Tests.Support;
using Parley.Routing;
using Parley.Routing.Agents;
using Parley.Routing.Channels;
using Parley.Routing.Events;

namespace Parley.Cluster.Tests.Routing;

public sealed class TenantRoutingGrainTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private static InMemoryRoutingStore Store => InMemoryRoutingStore.Shared;

    [Fact]
    public async Task Enqueue_WithAnAvailableAgent_OffersAndPublishesInOrder()
    {
        var tenant = Definitions.NewTenant(Store);
        var grain = fixture.Cluster.Client.GetGrain<ITenantRoutingGrain>(tenant);
        Assert.Equal(RoutingResult.Ok, await grain.SignIn("agent-1", null));
        Assert.Equal(RoutingResult.Ok, await grain.Enqueue(new EnqueueCommand("chat-1", "support", Channel.Chat, 0, new() { ["lang"] = "en" })));

        var events = RecordingPublisher.Shared.EventsOf(tenant);
        Assert.IsType<AgentStateChanged>(events[0]);
        var queued = Assert.IsType<InteractionQueued>(events[1]);
        var offered = Assert.IsType<InteractionOffered>(events[2]);
        Assert.Equal(("chat-1", "chat-1", "agent-1"), (queued.InteractionId.Value, offered.InteractionId.Value, offered.AgentId.Value));
        Assert.True(Store.IsSignedIn(tenant, "agent-1"));
        Assert.Equal("Waiting", Store.StatusOf(tenant, "chat-1"));

        Assert.Equal(RoutingResult.Ok, await grain.Accept("chat-1", "agent-1"));
        Assert.Equal("Active", Store.StatusOf(tenant, "chat-1"));
        var agent = await grain.GetAgent("agent-1");
        Assert.Equal(AgentState.Busy, agent!.State);
    }

    [Fact]
    public async Task Commands_ReportEngineRefusals()
    {
        var tenant = Definitions.NewTenant(Store);
        var grain = fixture.Cluster.Client.GetGrain<ITenantRoutingGrain>(tenant);
        Assert.Equal(RoutingResult.UnknownQueue, await grain.Enqueue(new EnqueueCommand("x", "nope", Channel.Voice, 0, [])));
        Assert.Equal(RoutingResult.UnknownAgent, await grain.SignIn("ghost", null));
        Assert.Equal(RoutingResult.UnknownInteraction, await grain.Accept("x", "agent-1"));
        Assert.Null(Store.StatusOf(tenant, "x"));
    }

    [Fact]
    public async Task SignOut_RemovesPresence_AndQueueMetricsCountAgents()
    {
        var tenant = Definitions.NewTenant(Store);
        var grain = fixture.Cluster.Client.GetGrain<ITenantRoutingGrain>(tenant);
        await grain.SignIn("agent-1", null);
        await grain.SignIn("agent-2", "rest");
        var sales = await grain.GetQueue("sales");
        Assert.Equal((1, 1, 0), (sales!.Agents.Available, sales.Agents.NotReady, sales.Waiting));

        Assert.Equal(RoutingResult.Ok, await grain.SignOut("agent-1", forced: false));
        Assert.False(Store.IsSignedIn(tenant, "agent-1"));
        Assert.True(Store.IsSignedIn(tenant, "agent-2"));
        Assert.Equal(2, (await grain.GetQueues()).Length);
    }

    [Fact]
    public async Task RefreshQueue_PicksUpAQueueAddedToTheStore()
    {
        var tenant = Definitions.NewTenant(Store);
        var grain = fixture.Cluster.Client.GetGrain<ITenantRoutingGrain>(tenant);
        Assert.Equal(2, (await grain.GetQueues()).Length);
        Store.Define(tenant, Definitions.Queue("billing"));
        Assert.Null(await grain.GetQueue("billing"));
        Assert.Equal(RoutingResult.Ok, await grain.RefreshQueue("billing"));
        Assert.NotNull(await grain.GetQueue("billing"));
    }
}
