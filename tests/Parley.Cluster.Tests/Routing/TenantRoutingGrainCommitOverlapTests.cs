using Parley.Cluster.Routing;
using Parley.Cluster.Routing.Messages;
using Parley.Cluster.Tests.Support;
using Parley.Routing;
using Parley.Routing.Channels;

namespace Parley.Cluster.Tests.Routing;

/// <summary>
/// A change set that only adds rows is written while the set before it commits; each is acknowledged only once it and
/// every set before it are durable, and a failed commit takes the set written after it down with it.
/// </summary>
public sealed class TenantRoutingGrainCommitOverlapTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private static InMemoryRoutingStore Store => InMemoryRoutingStore.Shared;

    [Fact]
    public async Task AnEnqueueDuringACommit_IsWrittenAtOnce_ButAcknowledgedOnlyAfterTheCommitBeforeIt()
    {
        var tenant = Definitions.NewTenant(Store);
        var grain = fixture.Cluster.Client.GetGrain<ITenantRoutingGrain>(tenant);
        var release = new TaskCompletionSource();
        var committing = Store.HoldCommits(tenant, release.Task);
        var first = grain.Enqueue(new EnqueueCommand("first", "sales", Channel.Chat, 0, []));
        await committing;

        var second = grain.Enqueue(new EnqueueCommand("second", "sales", Channel.Chat, 0, []));
        while (Store.OpenWritesOf(tenant) < 2)
        {
            await Task.Yield();
        }

        Assert.False(first.IsCompleted);
        Assert.False(second.IsCompleted);
        Assert.Null(Store.StatusOf(tenant, "first"));
        release.SetResult();
        Assert.Equal(RoutingResult.Ok, await first);
        Assert.Equal(RoutingResult.Ok, await second);
        Assert.Equal("Waiting", Store.StatusOf(tenant, "first"));
        Assert.Equal("Waiting", Store.StatusOf(tenant, "second"));
    }

    [Fact]
    public async Task AChangeToARowNotYetCommitted_IsWrittenOnlyAfterTheCommit()
    {
        var tenant = Definitions.NewTenant(Store);
        var grain = fixture.Cluster.Client.GetGrain<ITenantRoutingGrain>(tenant);
        var release = new TaskCompletionSource();
        var committing = Store.HoldCommits(tenant, release.Task);
        var enqueue = grain.Enqueue(new EnqueueCommand("first", "sales", Channel.Chat, 0, []));
        await committing;

        var abandon = grain.Abandon("first");
        while (await grain.GetWaiting("sales") is { Length: > 0 })
        {
            await Task.Yield();
        }

        Assert.Equal(1, Store.OpenWritesOf(tenant));
        release.SetResult();
        Assert.Equal(RoutingResult.Ok, await enqueue);
        Assert.Equal(RoutingResult.Ok, await abandon);
        Assert.Equal("Abandoned", Store.StatusOf(tenant, "first"));
    }

    [Fact]
    public async Task AFailedCommit_RollsBackTheSetWrittenAfterIt_AndTheGrainRebuildsWithoutEither()
    {
        var tenant = Definitions.NewTenant(Store);
        var grain = fixture.Cluster.Client.GetGrain<ITenantRoutingGrain>(tenant);
        Assert.Equal(RoutingResult.Ok, await grain.Enqueue(new EnqueueCommand("kept", "sales", Channel.Chat, 0, [])));
        var release = new TaskCompletionSource();
        var committing = Store.HoldCommits(tenant, release.Task);
        var failed = grain.Enqueue(new EnqueueCommand("failed", "sales", Channel.Chat, 0, []));
        await committing;
        var written = grain.Enqueue(new EnqueueCommand("written", "sales", Channel.Chat, 0, []));
        while (Store.OpenWritesOf(tenant) < 2)
        {
            await Task.Yield();
        }

        release.SetException(new IOException("The test database failed while committing."));
        await Assert.ThrowsAnyAsync<Exception>(() => failed);
        await Assert.ThrowsAnyAsync<Exception>(() => written);

        WaitingView[] waiting;
        do
        {
            waiting = await grain.GetWaiting("sales");
        }
        while (Store.LoadsOf(tenant) < 2);

        Assert.Equal(["kept"], waiting.Select(w => w.InteractionId));
        Assert.Null(Store.StatusOf(tenant, "failed"));
        Assert.Null(Store.StatusOf(tenant, "written"));
    }
}
