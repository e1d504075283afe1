using Parley.Cluster.Routing.Messages;
using Parley.Cluster.Routing.Ports;
using Parley.Cluster.Routing.Watching;
using Parley.Routing;
using Parley.Routing.Agents;
using Parley.Routing.Interactions;
using Parley.Routing.Queues;

namespace Parley.Cluster.Routing;

internal sealed partial class TenantRoutingGrain
{
    public async Task<RoutingResult> RefreshAgent(string agentId)
    {
        // One reload at a time, applied in the turn its load ends: a newer definition is never overwritten by an older one.
        AgentDefinition? definition;
        await _reloads.WaitAsync();
        try
        {
            definition = await store.LoadAgentAsync(_tenantId, agentId, CancellationToken.None);
        }
        finally
        {
            _reloads.Release();
        }

        RoutingResult result;
        if (definition is null)
        {
            result = _engine.RemoveAgent(new AgentId(agentId));
            if (result is RoutingResult.Ok or RoutingResult.UnknownAgent)
            {
                _agentIds.Remove(agentId);
                _seatGroups.Remove(agentId);
                result = RoutingResult.Ok;
            }
        }
        else
        {
            result = _engine.UpsertAgent(definition);
            if (result == RoutingResult.Ok)
            {
                _agentIds.Add(agentId);
                DefineSeats(definition);
            }
        }

        return await CompleteAsync(result, null, null, reloadedAgent: agentId);
    }

    public async Task<RoutingResult> RefreshQueue(string queueId)
    {
        // One reload at a time, applied in the turn its load ends: a newer definition is never overwritten by an older one.
        QueueDefinition? definition;
        await _reloads.WaitAsync();
        try
        {
            definition = await store.LoadQueueAsync(_tenantId, queueId, CancellationToken.None);
        }
        finally
        {
            _reloads.Release();
        }

        RoutingResult result;
        if (definition is null)
        {
            result = _engine.RemoveQueue(new QueueId(queueId));
            _queueIds.Remove(queueId);
            result = result == RoutingResult.UnknownQueue ? RoutingResult.Ok : result;
        }
        else
        {
            result = _engine.UpsertQueue(definition);
            if (result == RoutingResult.Ok)
            {
                _queueIds.Add(queueId);
            }
        }

        return await CompleteAsync(result, null, null, reloadedQueue: true);
    }

    public Task<RoutingResult> SignIn(string agentId, string? notReadyReason) =>
        SeatRefusal(agentId) is { } refused
            ? Task.FromResult(refused)
            : CompleteAsync(_engine.SignIn(new AgentId(agentId), notReadyReason), null, agentId);

    public Task<RoutingResult> SignOut(string agentId, bool forced) =>
        CompleteAsync(_engine.SignOut(new AgentId(agentId), forced), null, agentId);

    public Task<RoutingResult> SetAvailable(string agentId, bool forced) =>
        CompleteAsync(_engine.SetAvailable(new AgentId(agentId), forced), null, agentId);

    public Task<RoutingResult> SetNotReady(string agentId, string reasonCode, bool forced) =>
        CompleteAsync(_engine.SetNotReady(new AgentId(agentId), reasonCode, forced), null, agentId);

    public Task<RoutingResult> Enqueue(EnqueueCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.Watcher is not null)
        {
            // Watch before the engine runs: an agent may be offered the interaction within this very command.
            _watchers.Watch(command.InteractionId, command.Watcher);
        }

        var now = time.GetUtcNow();
        var enqueuedAt = command.EnqueuedAt is { } at && at < now ? at : now;
        var request = new InteractionRequest(
            new InteractionId(command.InteractionId),
            new QueueId(command.QueueId),
            command.Channel,
            command.Priority,
            command.PreferredAgentId is null ? null : new AgentId(command.PreferredAgentId),
            enqueuedAt,
            Deferred: command.Deferred);
        var result = _engine.Enqueue(request);
        if (result != RoutingResult.Ok)
        {
            _watchers.Forget(command.InteractionId);
        }

        var added = result == RoutingResult.Ok
            ? new NewInteraction(command.InteractionId, command.QueueId, command.Channel, command.Priority, command.Attributes, enqueuedAt, ++_sequence)
            : null;
        return CompleteAsync(result, added, null);
    }

    public async Task<QueuedView> EnqueueAndLocate(EnqueueCommand command)
    {
        var result = await Enqueue(command);
        return new QueuedView(result, result == RoutingResult.Ok ? await GetPosition(command.InteractionId) : null);
    }

    public Task<RoutingResult> Accept(string interactionId, string agentId) =>
        CompleteAsync(_engine.Accept(new InteractionId(interactionId), new AgentId(agentId)), null, null);

    public Task<RoutingResult> Reject(string interactionId, string agentId) =>
        CompleteAsync(_engine.Reject(new InteractionId(interactionId), new AgentId(agentId)), null, null);

    public Task<RoutingResult> Miss(string interactionId, string agentId) =>
        CompleteAsync(_engine.Reject(new InteractionId(interactionId), new AgentId(agentId), missed: true), null, null);

    public Task<RoutingResult> End(string interactionId) =>
        CompleteAsync(_engine.End(new InteractionId(interactionId)), null, null);

    public Task<RoutingResult> EndWithoutWrapUp(string interactionId) =>
        CompleteAsync(_engine.EndWithoutWrapUp(new InteractionId(interactionId)), null, null);

    public Task<RoutingResult> Abandon(string interactionId) =>
        CompleteAsync(_engine.Abandon(new InteractionId(interactionId)), null, null);

    public Task<RoutingResult> CompleteWrapUp(string agentId, string interactionId, string? code) =>
        CompleteAsync(_engine.CompleteWrapUp(new AgentId(agentId), new InteractionId(interactionId), code), null, null);

    public Task<int> Watch(WatchEntry[] entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var known = 0;
        foreach (var (interactionId, watcher) in entries)
        {
            if (_engine.GetPosition(new InteractionId(interactionId)) is not null)
            {
                _watchers.Watch(interactionId, watcher);
                known++;
            }
        }

        return Task.FromResult(known);
    }

    public Task Unwatch(string interactionId)
    {
        _watchers.Forget(interactionId);
        return Task.CompletedTask;
    }
}
