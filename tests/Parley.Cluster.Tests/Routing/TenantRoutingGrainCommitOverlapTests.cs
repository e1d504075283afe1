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
    public async Task AnEnqueueArrivingDuringAWrite_IsWrittenWhileThatCommits_ButAcknowledgedOnlyAfterIt()
    {
        var tenant = Definitions.NewTenant(Store);
        var grain = fixture.Cluster.Client.GetGrain<ITenantRoutingGrain>(tenant);
        var (first, second, commit) = await WriteTwoWhileTheFirstCommitsAsync(tenant, grain);

        Assert.False(first.IsCompleted);
        Assert.False(second.IsCompleted);
        Assert.Null(Store.StatusOf(tenant, "first"));
        commit.SetResult();
        Assert.Equal(RoutingResult.Ok, await first);
        Assert.Equal(RoutingResult.Ok, await second);
        Assert.Equal("Waiting", Store.StatusOf(tenant, "first"));
        Assert.Equal("Waiting", Store.StatusOf(tenant, "second"));
    }

    [Fact]
    public async Task AFailedCommit_RollsBackTheSetWrittenAfterIt_AndTheGrainRebuildsWithoutEither()
    {
        var tenant = Definitions.NewTenant(Store);
        var grain = fixture.Cluster.Client.GetGrain<ITenantRoutingGrain>(tenant);
        Assert.Equal(RoutingResult.Ok, await grain.Enqueue(new EnqueueCommand("kept", "sales", Channel.Chat, 0, [])));
        var (first, second, commit) = await WriteTwoWhileTheFirstCommitsAsync(tenant, grain);

        commit.SetException(new IOException("The test database failed while committing."));
        await Assert.ThrowsAnyAsync<Exception>(() => first);
        await Assert.ThrowsAnyAsync<Exception>(() => second);

        WaitingView[] waiting;
        do
        {
            waiting = await grain.GetWaiting("sales");
        }
        while (Store.LoadsOf(tenant) < 2);

        Assert.Equal(["kept"], waiting.Select(w => w.InteractionId));
        Assert.Null(Store.StatusOf(tenant, "first"));
        Assert.Null(Store.StatusOf(tenant, "second"));
    }

    [Fact]
    public async Task AChangeToARowNotYetCommitted_IsWrittenOnlyAfterTheCommit()
    {
        var tenant = Definitions.NewTenant(Store);
        var grain = fixture.Cluster.Client.GetGrain<ITenantRoutingGrain>(tenant);
        var commit = new TaskCompletionSource();
        var write = new TaskCompletionSource();
        var writing = Store.HoldSaves(tenant, write.Task);
        var committing = Store.HoldCommits(tenant, commit.Task);
        var enqueue = grain.Enqueue(new EnqueueCommand("first", "sales", Channel.Chat, 0, []));
        await writing;
        var abandon = grain.Abandon("first");
        while (await grain.GetWaiting("sales") is { Length: > 0 })
        {
            await Task.Yield();
        }

        write.SetResult();
        await committing;
        Assert.Equal(1, Store.OpenWritesOf(tenant));
        Store.ReleaseSaves(tenant);
        commit.SetResult();
        Assert.Equal(RoutingResult.Ok, await enqueue);
        Assert.Equal(RoutingResult.Ok, await abandon);
        Assert.Equal("Abandoned", Store.StatusOf(tenant, "first"));
    }

    /// <summary>"first" is written slowly; "second" arrives meanwhile and is written while "first" waits to commit.</summary>
    private static async Task<(Task<RoutingResult> First, Task<RoutingResult> Second, TaskCompletionSource Commit)> WriteTwoWhileTheFirstCommitsAsync(
        Guid tenant, ITenantRoutingGrain grain)
    {
        var commit = new TaskCompletionSource();
        var write = new TaskCompletionSource();
        var writing = Store.HoldSaves(tenant, write.Task);
        _ = Store.HoldCommits(tenant, commit.Task);
        var first = grain.Enqueue(new EnqueueCommand("first", "sales", Channel.Chat, 0, []));
        await writing;
        var second = grain.Enqueue(new EnqueueCommand("second", "sales", Channel.Chat, 0, []));
        while (await grain.GetWaiting("sales") is var waiting && !waiting.Any(w => w.InteractionId == "second"))
        {
            await Task.Yield();
        }

        Store.ReleaseSaves(tenant);
        write.SetResult();
        while (Store.OpenWritesOf(tenant) < 2)
        {
            await Task.Yield();
        }

        return (first, second, commit);
    }
}
