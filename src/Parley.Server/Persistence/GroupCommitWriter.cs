using System.Threading.Channels;

namespace Parley.Server.Persistence;

/// <summary>
/// Group commit: callers hand in items with <see cref="WriteAsync"/>; one writer loop takes everything queued (up to
/// <c>maxBatch</c> items), commits it with one call of the commit function (one transaction), then completes every
/// caller's task — or faults them all with the commit's exception. Items are committed in the order they were queued,
/// so a later save of the same record in a batch wins. The queue is bounded: when it is full, writers wait.
/// </summary>
/// <remarks>
/// A caller that gives up (its token is cancelled) stops waiting, but an item already queued may still be committed.
/// Disposing drains what is queued, then ends the loop; writes after that throw <see cref="ObjectDisposedException"/>.
/// </remarks>
internal sealed class GroupCommitWriter<T> : IAsyncDisposable
{
    private readonly Channel<Pending> _queue;
    private readonly Func<IReadOnlyList<T>, CancellationToken, Task> _commit;
    private readonly int _maxBatch;
    private readonly Task _loop;
    private long _batches;
    private long _items;

    /// <param name="commit">Writes one batch in one transaction; throwing faults every item of the batch.</param>
    /// <param name="maxBatch">The most items one commit takes.</param>
    /// <param name="capacity">The most items waiting for the writer before <see cref="WriteAsync"/> waits.</param>
    public GroupCommitWriter(Func<IReadOnlyList<T>, CancellationToken, Task> commit, int maxBatch = 256, int capacity = 8192)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatch, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, maxBatch);
        _commit = commit;
        _maxBatch = maxBatch;
        _queue = Channel.CreateBounded<Pending>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Batches committed so far (a batch is one commit call, successful or not).</summary>
    public long Batches => Interlocked.Read(ref _batches);

    /// <summary>Items handed to commit calls so far.</summary>
    public long Items => Interlocked.Read(ref _items);

    /// <summary>Completes once <paramref name="item"/> is committed together with whatever was queued with it.</summary>
    public async Task WriteAsync(T item, CancellationToken cancellationToken = default)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            await _queue.Writer.WriteAsync(new Pending(item, done), cancellationToken);
        }
        catch (ChannelClosedException)
        {
            throw new ObjectDisposedException(nameof(GroupCommitWriter<T>));
        }

        await done.Task.WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_queue.Writer.TryComplete())
        {
            await _loop;
        }
    }

    private async Task RunAsync()
    {
        var batch = new List<Pending>(_maxBatch);
        var items = new List<T>(_maxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < _maxBatch && _queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
                items.Add(pending.Item);
            }

            Interlocked.Increment(ref _batches);
            Interlocked.Add(ref _items, items.Count);
            try
            {
                await _commit(items, CancellationToken.None);
                foreach (var pending in batch)
                {
                    pending.Done.TrySetResult();
                }
            }
            catch (Exception exception)
            {
                foreach (var pending in batch)
                {
                    pending.Done.TrySetException(exception);
                }
            }

            batch.Clear();
            items.Clear();
        }
    }

    private readonly record struct Pending(T Item, TaskCompletionSource Done);
}
