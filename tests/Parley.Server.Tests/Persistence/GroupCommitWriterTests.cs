using Parley.Server.Persistence;

namespace Parley.Server.Tests.Persistence;

/// <summary>The group-commit writer: what queues while a commit runs is committed together, in order, all or nothing.</summary>
public sealed class GroupCommitWriterTests
{
    [Fact]
    public async Task WritesQueuedDuringACommit_AreCommittedTogetherInOneBatch_InOrder()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var firstStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var batches = new List<int[]>();
        await using var writer = new GroupCommitWriter<int>(async (items, _) =>
        {
            lock (batches)
            {
                batches.Add([.. items]);
            }

            firstStarted.TrySetResult();
            await gate.Task;
        });

        var first = writer.WriteAsync(0, TestContext.Current.CancellationToken);
        await firstStarted.Task.WaitAsync(TestContext.Current.CancellationToken);
        var rest = Enumerable.Range(1, 100).Select(i => writer.WriteAsync(i, TestContext.Current.CancellationToken)).ToList();
        Assert.All(rest, t => Assert.False(t.IsCompleted));

        gate.SetResult();
        await first;
        await Task.WhenAll(rest);

        Assert.Equal(2, writer.Batches);
        Assert.Equal([[0], [.. Enumerable.Range(1, 100)]], batches);
    }

    [Fact]
    public async Task ABatchIsCappedAtMaxBatch_TheRestFollowsInTheNextBatch()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sizes = new List<int>();
        await using var writer = new GroupCommitWriter<int>(async (items, _) =>
        {
            sizes.Add(items.Count);
            await gate.Task;
        }, maxBatch: 10, capacity: 100);

        var writes = Enumerable.Range(0, 25).Select(i => writer.WriteAsync(i, TestContext.Current.CancellationToken)).ToList();
        gate.SetResult();
        await Task.WhenAll(writes);

        Assert.All(sizes, s => Assert.InRange(s, 1, 10));
        Assert.Equal(25, sizes.Sum());
        Assert.Equal(25, writer.Items);
    }

    [Fact]
    public async Task AFailedCommit_FaultsEveryWriteOfItsBatch_AndTheWriterGoesOn()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var firstStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var fail = true;
        await using var writer = new GroupCommitWriter<int>(async (items, _) =>
        {
            if (items[0] == 0)
            {
                firstStarted.TrySetResult();
                await gate.Task;
                return;
            }

            if (fail)
            {
                throw new IOException("disk full");
            }
        });

        var first = writer.WriteAsync(0, TestContext.Current.CancellationToken);
        await firstStarted.Task.WaitAsync(TestContext.Current.CancellationToken);
        var doomed = Enumerable.Range(1, 5).Select(i => writer.WriteAsync(i, TestContext.Current.CancellationToken)).ToList();
        gate.SetResult();
        await first;
        foreach (var write in doomed)
        {
            await Assert.ThrowsAsync<IOException>(() => write);
        }

        fail = false;
        await writer.WriteAsync(6, TestContext.Current.CancellationToken);
        Assert.Equal(3, writer.Batches);
    }

    [Fact]
    public async Task Dispose_CommitsWhatIsQueued_ThenRefusesNewWrites()
    {
        var committed = new List<int>();
        var writer = new GroupCommitWriter<int>((items, _) =>
        {
            committed.AddRange(items);
            return Task.CompletedTask;
        });
        var writes = Enumerable.Range(0, 50).Select(i => writer.WriteAsync(i, TestContext.Current.CancellationToken)).ToList();

        await writer.DisposeAsync();

        await Task.WhenAll(writes);
        Assert.Equal(Enumerable.Range(0, 50), committed);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => writer.WriteAsync(51, TestContext.Current.CancellationToken));
    }
}
