using Orleans.Core.Internal;
using Parley.Cluster.Routing;
using Parley.Cluster.Routing.Messages;
using Parley.Cluster.Tests.Support;
using Parley.Routing;
using Parley.Routing.Channels;
using Parley.Routing.Events;

namespace Parley.Cluster.Tests.Routing;

/// <summary>
/// The history of acknowledged work is durable with it: a command's events are saved in the same store write as its
/// state, before the call returns, and a write that fails part-way leaves neither and publishes nothing.
/// </summary>
public sealed class TenantRoutingGrainHistoryTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private static InMemoryRoutingStore Store => InMemoryRoutingStore.Shared;

    [Fact]
    public async Task AcknowledgedCommand_HasItsHistoryInTheStore_WhenTheCallReturns()
    {
        var tenant = Definitions.NewTenant(Store);
        var grain = fixture.Cluster.Client.GetGrain<ITenantRoutingGrain>(tenant);
        Assert.Equal(RoutingResult.Ok, await grain.SignIn("agent-1", null));

        Assert.Equal(RoutingResult.Ok, await grain.Enqueue(new EnqueueCommand("call-1", "sales", Channel.Voice, 0, [])));
        var history = Store.HistoryOf(tenant);
        Assert.Contains(history, e => e is InteractionQueued q && q.InteractionId.Value == "call-1");
        Assert.Contains(history, e => e is InteractionOffered o && o.InteractionId.Value == "call-1" && o.AgentId.Value == "agent-1");

        Assert.Equal(RoutingResult.Ok, await grain.Accept("call-1", "agent-1"));
        Assert.Contains(Store.HistoryOf(tenant), e => e is InteractionAccepted a && a.InteractionId.Value == "call-1");
        Assert.DoesNotContain(Store.HistoryOf(tenant), e => e is QueueStatisticsChanged);
    }

    [Fact]
    public async Task FailureBetweenStateAndHistory_LeavesNeither_AndPublishesNothing()
    {
        var tenant = Definitions.NewTenant(Store);
        var grain = fixture.Cluster.Client.GetGrain<ITenantRoutingGrain>(tenant);
        Assert.Equal(RoutingResult.Ok, await grain.SignIn("agent-1", null));
        Store.FailHistoryWrites = true;
        try
        {
            await Assert.ThrowsAnyAsync<Exception>(() => grain.Enqueue(new EnqueueCommand("lost", "sales", Channel.Voice, 0, [])));
        }
        finally
        {
            Store.FailHistoryWrites = false;
        }

        Assert.Null(Store.StatusOf(tenant, "lost"));
        Assert.DoesNotContain(Store.HistoryOf(tenant), e => Concerns(e, "lost"));
        Assert.DoesNotContain(RecordingPublisher.Shared.EventsOf(tenant), e => Concerns(e, "lost"));
        Assert.Null(await grain.GetPosition("lost"));
        Assert.Empty((await grain.GetAgent("agent-1"))!.Work);

        Assert.Equal(RoutingResult.Ok, await grain.Enqueue(new EnqueueCommand("kept", "sales", Channel.Voice, 0, [])));
        Assert.Equal("Waiting", Store.StatusOf(tenant, "kept"));
        Assert.Contains(Store.HistoryOf(tenant), e => e is InteractionOffered o && o.InteractionId.Value == "kept");
    }

    [Fact]
    public async Task AfterReactivation_EveryAcknowledgedInteraction_HasItsArrivalRecordedOnce()
    {
        var tenant = Definitions.NewTenant(Store);
        var grain = fixture.Cluster.Client.GetGrain<ITenantRoutingGrain>(tenant);
        var acknowledged = new List<string>();
        for (var n = 0; n < 30; n++)
        {
            var id = $"chat-{n:D2}";
            Assert.Equal(RoutingResult.Ok, await grain.Enqueue(new EnqueueCommand(id, n % 2 == 0 ? "sales" : "support", Channel.Chat, 0, [])));
            acknowledged.Add(id);
            if (n == 14)
            {
                await grain.Cast<IGrainManagementExtension>().DeactivateOnIdle();
            }
        }

        await grain.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        Assert.Equal(30, (await grain.GetWaiting("sales")).Length + (await grain.GetWaiting("support")).Length);
        Assert.True(Store.LoadsOf(tenant) >= 2, "the grain was never re-activated");
        var queued = Store.HistoryOf(tenant).OfType<InteractionQueued>().Select(q => q.InteractionId.Value).ToList();
        Assert.Equal(acknowledged, queued);
    }

    private static bool Concerns(RoutingEvent e, string interactionId) => e switch
    {
        InteractionQueued q => q.InteractionId.Value == interactionId,
        InteractionOffered o => o.InteractionId.Value == interactionId,
        _ => false,
    };
}
