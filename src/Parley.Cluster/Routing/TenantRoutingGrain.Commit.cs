using Parley.Cluster.Routing.Messages;
using Parley.Cluster.Routing.Ports;
using Parley.Routing.Agents;

namespace Parley.Cluster.Routing;

/// <summary>
/// Group commit: one save at a time; every command applied while it runs joins the next change set, which is saved
/// in one transaction as soon as the save before it ends. A lone command is saved at once (no added latency); under
/// load one transaction carries many commands instead of one each.
/// </summary>
internal sealed partial class TenantRoutingGrain
{
    private async Task CommitLoopAsync()
    {
        while (_open.Commands > 0)
        {
            // Sealed in one turn: the engine's state is exactly the end of this set.
            var batch = _open;
            _open = new CommitBatch();
            _inFlight = batch;
            var sealedAt = time.GetUtcNow();
            var agents = batch.Agents.Select(id => (id, ViewOf(new AgentId(id)))).ToArray();
            var queues = LiveQueues();
            var changes = batch.Merge();
            try
            {
                if (!changes.IsEmpty)
                {
                    // Off the grain's scheduler: a store whose I/O is synchronous (SQLite, or a writer waiting for the
                    // database lock) would otherwise hold the grain's turn for the whole write, and every command and
                    // query behind it would wait instead of joining the next change set.
                    var (tenantId, epoch) = (_tenantId, _epoch);
                    await Task.Run(() => store.SaveAsync(tenantId, epoch, changes, CancellationToken.None));
                }
            }
            catch (Exception exception)
            {
                // The engine is now ahead of the database: fail this set and every command applied after it, forget
                // the engine and rebuild from what is durable (or, when another activation owns the tenant now, leave
                // the tenant to it).
                if (exception is RoutingOwnershipLostException)
                {
                    Log.OwnershipLost(logger, _tenantId, _epoch);
                }
                else
                {
                    Log.SaveFailed(logger, exception, _tenantId);
                }

                _broken = exception;
                _inFlight = null;
                batch.Fail(exception);
                _open.Fail(exception);
                _open = new CommitBatch();
                _writing = false;
                DeactivateOnIdle();
                return;
            }

            _inFlight = null;
            foreach (var (id, view) in agents)
            {
                _committed.SetAgent(id, view, sealedAt);
            }

            _committed.SetQueues(queues, sealedAt);
            if (batch.Events.Count > 0)
            {
                var events = batch.Events.ToArray();
                publisher.Publish(_tenantId, events);
                _watchers.Notify(events);
            }

            batch.Succeed();
        }

        _writing = false;
    }

    /// <summary>True when commands were applied to the engine that are not durable yet.</summary>
    private bool Uncommitted => _inFlight is not null || _open.Commands > 0;

    /// <summary>True when a command not yet durable may have changed this agent's view.</summary>
    private bool Dirty(string agentId) => _inFlight?.Agents.Contains(agentId) == true || _open.Agents.Contains(agentId);

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
