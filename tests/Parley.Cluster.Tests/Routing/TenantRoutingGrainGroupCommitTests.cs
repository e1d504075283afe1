using Orleans.Core.Internal;
using Parley.Cluster.Routing;
using Parley.Cluster.Routing.Messages;
using Parley.Cluster.Tests.Support;
using Parley.Routing;
using Parley.Routing.Agents;
using Parley.Routing.Channels;

namespace Parley.Cluster.Tests.Routing;

/// <summary>Reads do not wait for saves and show committed state; commands that arrive together are saved together.</summary>
public sealed class TenantRoutingGrainGroupCommitTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private static InMemoryRoutingStore Store => InMemoryRoutingStore.Shared;

    [Fact]
    public async Task ReadsDuringASlowSave_AnswerAtOnce_WithTheLastCommittedState()
    {
        var tenant = Definitions.NewTenant(Store);
        var grain = fixture.Cluster.Client.GetGrain<ITenantRoutingGrain>(tenant);
        Assert.Equal(RoutingResult.Ok, await grain.SignIn("agent-1", null));
        Assert.Equal(RoutingResult.Ok, await grain.Enqueue(new EnqueueCommand("call-0", "support", Channel.Voice, 0, [])));
        Assert.Equal(AgentState.Reserved, (await grain.GetAgent("agent-1"))!.State);

        var release = new TaskCompletionSource();
        var started = Store.HoldSaves(tenant, release.Task);
        var accept = grain.Accept("call-0", "agent-1");
        var signIn = grain.SignIn("agent-2", "meeting");
        await started;

        // The save is held: the reads answer anyway, and show neither the accept nor the sign-in.
        var agent = await grain.GetAgent("agent-1");
        var agents = await grain.GetAgents();
        var support = await grain.GetQueue("support");
        Assert.False(accept.IsCompleted);
        Assert.Equal(AgentState.Reserved, agent!.State);
        Assert.Equal(AgentState.Reserved, agents.Single(a => a.AgentId == "agent-1").State);
        Assert.Equal(AgentState.LoggedOut, agents.Single(a => a.AgentId == "agent-2").State);
        Assert.Equal((1, 0, 0), (support!.Agents.Reserved, support.Agents.Busy, support.Agents.NotReady));

        release.SetResult();
        Assert.Equal(RoutingResult.Ok, await accept);
        Assert.Equal(RoutingResult.Ok, await signIn);
        Assert.Equal(AgentState.Busy, (await grain.GetAgent("agent-1"))!.State);
        Assert.Equal(AgentState.NotReady, (await grain.GetAgent("agent-2"))!.State);
        var after = await grain.GetQueue("support");
        Assert.Equal((0, 1, 1), (after!.Agents.Reserved, after.Agents.Busy, after.Agents.NotReady));
    }

    [Fact]
    public async Task EnqueuesArrivingDuringASave_AreSavedTogether_AndSurviveARestartOnceAcknowledged()
    {
        var tenant = Definitions.NewTenant(Store);
        var grain = fixture.Cluster.Client.GetGrain<ITenantRoutingGrain>(tenant);
        Assert.Equal(RoutingResult.Ok, await grain.Enqueue(new EnqueueCommand("first", "sales", Channel.Voice, 0, [])));
        var savesBefore = Store.SavesOf(tenant);

        var release = new TaskCompletionSource();
        var started = Store.HoldSaves(tenant, release.Task);
        var held = grain.Enqueue(new EnqueueCommand("held", "sales", Channel.Voice, 0, []));
        await started;
        var burst = Enumerable.Range(0, 50)
            .Select(n => grain.Enqueue(new EnqueueCommand($"burst-{n:D2}", "sales", Channel.Voice, 0, [])))
            .ToArray();
        while (await grain.GetWaiting("sales") is { Length: < 52 })
        {
            await Task.Yield();
        }

        Assert.DoesNotContain(burst, b => b.IsCompleted);
        var order = (await grain.GetWaiting("sales")).Select(w => w.InteractionId).ToArray();
        Assert.Equal(52, order.Length);
        Store.ReleaseSaves(tenant);
        release.SetResult();
        Assert.Equal(RoutingResult.Ok, await held);
        Assert.All(await Task.WhenAll(burst), r => Assert.Equal(RoutingResult.Ok, r));

        // One save for the held enqueue, one for the fifty that arrived meanwhile.
        Assert.Equal(savesBefore + 2, Store.SavesOf(tenant));

        await grain.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        var waiting = await grain.GetWaiting("sales");
        Assert.True(Store.LoadsOf(tenant) >= 2, "the grain was never re-activated");
        // Orleans does not order concurrent calls, so the fifty may arrive in any order; whatever order the queue
        // acknowledged is the order it keeps across the restart.
        Assert.Equal(["first", "held"], order[..2]);
        Assert.Equal(Enumerable.Range(0, 50).Select(n => $"burst-{n:D2}"), order[2..].Order(StringComparer.Ordinal));
        Assert.Equal(order, waiting.Select(w => w.InteractionId));
    }

    [Fact]
    public async Task AFailedGroupSave_FailsEveryCommandInIt_AndTheGrainRebuildsWithoutThem()
    {
        var tenant = Definitions.NewTenant(Store);
        var grain = fixture.Cluster.Client.GetGrain<ITenantRoutingGrain>(tenant);
        Assert.Equal(RoutingResult.Ok, await grain.Enqueue(new EnqueueCommand("kept", "sales", Channel.Chat, 0, [])));

        var release = new TaskCompletionSource();
        var started = Store.HoldSaves(tenant, release.Task);
        var held = grain.Enqueue(new EnqueueCommand("held", "sales", Channel.Chat, 0, []));
        await started;
        var later = grain.Enqueue(new EnqueueCommand("later", "sales", Channel.Chat, 0, []));
        while (await grain.GetWaiting("sales") is { Length: < 3 })
        {
            await Task.Yield();
        }

        Store.ReleaseSaves(tenant);
        release.SetException(new IOException("The test database failed."));
        await Assert.ThrowsAnyAsync<Exception>(() => held);
        await Assert.ThrowsAnyAsync<Exception>(() => later);

        // The failed activation goes away once idle; the next one is rebuilt from the store without either command.
        WaitingView[] waiting;
        do
        {
            waiting = await grain.GetWaiting("sales");
        }
        while (Store.LoadsOf(tenant) < 2);

        Assert.Equal(["kept"], waiting.Select(w => w.InteractionId));
        Assert.Null(Store.StatusOf(tenant, "held"));
        Assert.Null(Store.StatusOf(tenant, "later"));
    }
}
