using Orleans.Core.Internal;
using Parley.Cluster.Routing;
using Parley.Cluster.Routing.Messages;
using Parley.Cluster.Tests.Support;
using Parley.Routing;
using Parley.Routing.Agents;
using Parley.Routing.Channels;
using Parley.Routing.Interactions;

namespace Parley.Cluster.Tests.Routing;

/// <summary>Queued interactions and sign-ins are durable before they are acknowledged and come back after a restart.</summary>
public sealed class TenantRoutingGrainDurabilityTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private static InMemoryRoutingStore Store => InMemoryRoutingStore.Shared;

    [Fact]
    public async Task DeactivationMidLoad_FindsEveryAcknowledgedInteractionAgain_InOrder()
    {
        var tenant = Definitions.NewTenant(Store);
        var grain = fixture.Cluster.Client.GetGrain<ITenantRoutingGrain>(tenant);
        var acknowledged = new List<(string Id, string Queue)>();
        var count = 0;
        var load = Task.Run(async () =>
        {
            for (var n = 0; n < 400; n++)
            {
                var id = $"i-{n:D4}";
                var queue = n % 3 == 0 ? "support" : "sales";
                var channel = n % 2 == 0 ? Channel.Voice : Channel.Chat;
                var result = await grain.Enqueue(new EnqueueCommand(id, queue, channel, n % 5 == 0 ? 1 : 0, new() { ["n"] = n.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
                Assert.Equal(RoutingResult.Ok, result);
                acknowledged.Add((id, queue));
                Interlocked.Increment(ref count);
            }
        }, TestContext.Current.CancellationToken);

        foreach (var threshold in new[] { 100, 250 })
        {
            while (Volatile.Read(ref count) < threshold && !load.IsCompleted)
            {
                await Task.Yield();
            }

            await grain.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        }

        await load;
        Assert.True(Store.LoadsOf(tenant) >= 2, "the grain was never re-activated");

        var stored = Store.Waiting(tenant);
        foreach (var queue in new[] { "sales", "support" })
        {
            var waiting = await grain.GetWaiting(queue);
            var expected = ExpectedOrder(acknowledged.Where(a => a.Queue == queue).Select(a => a.Id));
            Assert.Equal(expected, waiting.Select(w => w.InteractionId));
            foreach (var w in waiting)
            {
                Assert.Equal(stored.Single(s => s.InteractionId == w.InteractionId).EnqueuedAt, w.EnqueuedAt);
            }
        }
    }

    [Fact]
    public async Task ClusterRestart_RestoresSignedInAgentsActiveWorkAndWaitingQueue()
    {
        var tenant = Definitions.NewTenant(Store);
        var first = fixture.Cluster.Client.GetGrain<ITenantRoutingGrain>(tenant);
        Assert.Equal(RoutingResult.Ok, await first.SignIn("agent-1", null));
        for (var n = 0; n < 3; n++)
        {
            Assert.Equal(RoutingResult.Ok, await first.Enqueue(new EnqueueCommand($"call-{n}", "sales", Channel.Voice, 0, [])));
        }

        Assert.Equal(RoutingResult.Ok, await first.Accept("call-0", "agent-1"));
        Assert.Equal(RoutingResult.Ok, await first.SignIn("agent-2", "meeting"));

        var restarted = await ClusterFixture.StartAsync(1);
        try
        {
            await fixture.Cluster.Client.GetGrain<ITenantRoutingGrain>(tenant).Cast<IGrainManagementExtension>().DeactivateOnIdle();
            var grain = restarted.Client.GetGrain<ITenantRoutingGrain>(tenant);
            var agent = await grain.GetAgent("agent-1");
            Assert.NotNull(agent);
            Assert.Equal(AgentState.Busy, agent.State);
            Assert.Equal("call-0", Assert.Single(agent.Work).InteractionId);
            Assert.Equal(AgentState.NotReady, (await grain.GetAgent("agent-2"))!.State);
            Assert.Equal(["call-1", "call-2"], (await grain.GetWaiting("sales")).Select(w => w.InteractionId));

            Assert.Equal(RoutingResult.Ok, await grain.End("call-0"));
            var offered = (await grain.GetAgent("agent-1"))!.Work;
            Assert.Equal(("call-1", InteractionStatus.Offered), (Assert.Single(offered).InteractionId, offered[0].Status));
            Assert.Equal("Ended", Store.StatusOf(tenant, "call-0"));
        }
        finally
        {
            await restarted.StopAllSilosAsync();
            await restarted.DisposeAsync();
        }
    }

    [Fact]
    public async Task SaveFailure_IsNotAcknowledged_AndTheGrainRebuildsFromTheStore()
    {
        var tenant = Definitions.NewTenant(Store);
        var grain = fixture.Cluster.Client.GetGrain<ITenantRoutingGrain>(tenant);
        Assert.Equal(RoutingResult.Ok, await grain.Enqueue(new EnqueueCommand("kept", "sales", Channel.Chat, 0, [])));
        Store.FailSaves = true;
        try
        {
            await Assert.ThrowsAnyAsync<Exception>(() => grain.Enqueue(new EnqueueCommand("lost", "sales", Channel.Chat, 0, [])));
        }
        finally
        {
            Store.FailSaves = false;
        }

        Assert.Equal(["kept"], (await grain.GetWaiting("sales")).Select(w => w.InteractionId));
    }

    /// <summary>Priority 1 arrivals go first; otherwise arrival order (per channel, voice before chat).</summary>
    private static List<string> ExpectedOrder(IEnumerable<string> ids)
    {
        var list = ids.Select(id => (Id: id, N: int.Parse(id[2..], System.Globalization.CultureInfo.InvariantCulture))).ToList();
        return list.OrderBy(x => x.N % 2 == 0 ? 0 : 1).ThenByDescending(x => x.N % 5 == 0 ? 1 : 0).ThenBy(x => x.N).Select(x => x.Id).ToList();
    }
}
