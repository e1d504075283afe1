using Parley.Cluster.Routing.Messages;
using Parley.Cluster.Routing.Ports;
using Parley.Routing.Agents;

namespace Parley.Cluster.Routing;

/// <summary>
/// Group commit: every command applied while a save runs joins the next change set, saved in one transaction. A lone
/// command is saved at once (no added latency); under load one transaction carries many commands instead of one each.
/// Sets commit one at a time and in order, but a set that only adds rows is written while the set before it is still
/// committing (waiting for the disk), when the store leaves its transaction open (<see cref="Ports.IRoutingStore.WriteAsync"/>).
/// A set is acknowledged only once it and every set before it are durable; when one fails, the set written after it is
/// rolled back and both fail.
/// </summary>
internal sealed partial class TenantRoutingGrain
{
    private async Task CommitLoopAsync()
    {
        SealedChangeSet? committing = null;
        while (_open.Commands > 0 || committing is not null)
        {
            var next = _open.Commands > 0 ? Seal() : null;
            if (committing is not null && (next is null || !next.OnlyAdds || committing.Commit!.IsCompleted))
            {
                if (!await FinishAsync(committing, next))
                {
                    return;
                }

                committing = null;
            }

            if (next is not null && !await WriteAsync(next, committing))
            {
                return;
            }

            if (committing is not null && !await FinishAsync(committing, next))
            {
                return;
            }

            committing = next;
            if (next?.Write is { } write)
            {
                next.Commit = write is CommittedRoutingWrite ? Task.CompletedTask : Task.Run(() => CommitAsync(write));
            }
        }

        _writing = false;
    }

    private static async Task CommitAsync(IRoutingCommit write)
    {
        await using (write)
        {
            await write.CommitAsync(CancellationToken.None);
        }
    }

    private static async Task RollBackAsync(IRoutingCommit write)
    {
        try
        {
            await Task.Run(async () => await write.DisposeAsync());
        }
        catch (Exception)
        {
            // A transaction that cannot even be rolled back (the connection is gone) is not committed either.
        }
    }

    /// <summary>Takes the open batch as a set, in one turn: the engine's state is exactly the end of this set.</summary>
    private SealedChangeSet Seal()
    {
        var batch = _open;
        _open = new CommitBatch();
        _inFlight.Add(batch);
        var agents = batch.Agents.Select(id => (id, ViewOf(new AgentId(id)))).ToArray();
        return new SealedChangeSet(batch, time.GetUtcNow(), agents, LiveQueues(), batch.Merge());
    }

    /// <summary>Writes the set (false, with everything failed, when that throws); <paramref name="committing"/> may still be committing.</summary>
    private async Task<bool> WriteAsync(SealedChangeSet set, SealedChangeSet? committing)
    {
        if (set.Changes.IsEmpty)
        {
            set.Write = CommittedRoutingWrite.Instance;
            return true;
        }

        try
        {
            // Off the grain's scheduler: a store whose I/O is synchronous (SQLite, or a writer waiting for the database
            // lock) would otherwise hold the grain's turn for the whole write, and every command and query behind it
            // would wait instead of joining the next change set.
            var tenantId = _tenantId;
            var changes = set.Changes;
            set.Write = await Task.Run(() => store.WriteAsync(tenantId, changes, CancellationToken.None));
            return true;
        }
        catch (Exception exception)
        {
            if (committing is null || await FinishAsync(committing, set))
            {
                Break(exception, set);
            }

            return false;
        }
    }

    /// <summary>
    /// Waits for the set's commit and acknowledges it; when the commit fails, rolls back <paramref name="written"/> (the
    /// set written after it) and fails both.
    /// </summary>
    private async Task<bool> FinishAsync(SealedChangeSet set, SealedChangeSet? written)
    {
        try
        {
            await set.Commit!;
        }
        catch (Exception exception)
        {
            if (written?.Write is { } write)
            {
                await RollBackAsync(write);
            }

            Break(exception, set, written);
            return false;
        }

        _inFlight.Remove(set.Batch);
        foreach (var (id, view) in set.Agents)
        {
            _committed.SetAgent(id, view, set.SealedAt);
        }

        _committed.SetQueues(set.Queues, set.SealedAt);
        if (set.Batch.Events.Count > 0)
        {
            var events = set.Batch.Events.ToArray();
            publisher.Publish(_tenantId, events);
            _watchers.Notify(events);
        }

        set.Batch.Succeed();
        return true;
    }

    /// <summary>
    /// A save failed: the engine is now ahead of the database. Fails the given sets and every command applied after
    /// them, forgets the engine and rebuilds from what is durable.
    /// </summary>
    private void Break(Exception exception, params SealedChangeSet?[] sets)
    {
        Log.SaveFailed(logger, exception, _tenantId);
        _broken = exception;
        foreach (var set in sets)
        {
            set?.Batch.Fail(exception);
        }

        _inFlight.Clear();
        _open.Fail(exception);
        _open = new CommitBatch();
        _writing = false;
        DeactivateOnIdle();
    }

    /// <summary>True when commands were applied to the engine that are not durable yet.</summary>
    private bool Uncommitted => _inFlight.Count > 0 || _open.Commands > 0;

    /// <summary>True when a command not yet durable may have changed this agent's view.</summary>
    private bool Dirty(string agentId) => _open.Agents.Contains(agentId) || _inFlight.Exists(batch => batch.Agents.Contains(agentId));

    /// <summary>Captures every agent and queue as committed (on activation, when the engine matches the store).</summary>
    private void CaptureAll()
    {
        var now = time.GetUtcNow();
        foreach (var id in _agentIds)
        {
            _committed.SetAgent(id, ViewOf(new AgentId(id)), now);
        }

        _committed.SetQueues(LiveQueues(), now);
    }

    private QueueView[] LiveQueues() =>
        [.. _queueIds.Order(StringComparer.Ordinal).Select(id => ViewOf(new Parley.Routing.Queues.QueueId(id))).OfType<QueueView>()];
}
