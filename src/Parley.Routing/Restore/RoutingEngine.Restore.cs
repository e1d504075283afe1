using Parley.Routing.Agents;
using Parley.Routing.Interactions;
using Parley.Routing.Restore;

namespace Parley.Routing;

public sealed partial class RoutingEngine
{
    /// <summary>
    /// Rebuilds live state after a restart or re-activation, on an engine that already has its queues and agents
    /// defined and nobody signed in. Loads silently (the host already knows these facts), then routes: the
    /// offers that result are published as usual. Queue order equals the order before the restart.
    /// </summary>
    public RoutingResult Restore(RoutingRestoreState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        Begin();
        var check = Validate(state);
        if (check != RoutingResult.Ok)
        {
            return check;
        }

        var agents = state.Agents.OrderBy(a => a.StateSince).ThenBy(a => _agents[a.AgentId].Order)
            .Select(a => (Data: a, Runtime: _agents[a.AgentId])).ToList();
        _silent = true;
        try
        {
            foreach (var (data, agent) in agents)
            {
                agent.SignedIn = true;
                agent.SignOutPending = data.SignOutPending;
                agent.NotReadyReason = data.NotReadyReason;
            }

            foreach (var a in state.Active)
            {
                var agent = _agents[a.AgentId];
                var i = new InteractionRuntime(a.Id, a.Channel, a.Priority, a.EnqueuedAt.UtcTicks, ++_sequence)
                {
                    Queue = _queues[a.QueueId],
                    Pool = _queues[a.QueueId].Pools[(int)a.Channel]!,
                    Status = InteractionStatus.Active,
                    Agent = agent,
                    AcceptedTicks = a.AcceptedAt.UtcTicks,
                    OfferedTicks = a.AcceptedAt.UtcTicks,
                };
                _interactions.Add(i.Id, i);
                agent.Work.Add(i);
                agent.AddLoad(i.Channel, 1);
            }

            foreach (var w in state.Waiting.OrderBy(w => w.EnqueuedAt))
            {
                var queue = _queues[w.QueueId];
                var i = new InteractionRuntime(w.Id, w.Channel, w.Priority, w.EnqueuedAt.UtcTicks, ++_sequence)
                {
                    Queue = queue,
                    Pool = queue.Pools[(int)w.Channel]!,
                    QueuedTicks = w.EnqueuedAt.UtcTicks,
                    Deferred = w.Deferred,
                };
                SetExtra(i, w.RequiredSkills);
                _interactions.Add(i.Id, i);
                Wait(i);
            }

            foreach (var (data, agent) in agents)
            {
                Relink(agent);
                UpdateState(agent, forced: false);
                agent.StateSinceTicks = Math.Min(data.StateSince.UtcTicks, _now);
            }
        }
        finally
        {
            _silent = false;
        }

        foreach (var (_, agent) in agents)
        {
            Settle(agent, forced: false);
        }

        return RoutingResult.Ok;
    }

    /// <summary>The state <see cref="Restore"/> needs, as this engine holds it now (ringing offers count as waiting).</summary>
    public RoutingRestoreState ExportState()
    {
        var agents = new List<AgentRestore>();
        var active = new List<ActiveInteractionRestore>();
        foreach (var agent in _agentList)
        {
            if (!agent.SignedIn)
            {
                continue;
            }

            agents.Add(new AgentRestore(agent.Id, agent.NotReadyReason, ToOffset(agent.StateSinceTicks), agent.SignOutPending));
            foreach (var i in agent.Work)
            {
                if (i.Status == InteractionStatus.Active)
                {
                    active.Add(new ActiveInteractionRestore(
                        i.Id, i.Queue.Id, i.Channel, agent.Id, i.Priority, ToOffset(i.EnqueuedTicks), ToOffset(i.AcceptedTicks)));
                }
            }
        }

        var waiting = _interactions.Values
            .Where(i => i.Status != InteractionStatus.Active)
            .OrderBy(i => i.Sequence)
            .Select(ToWaiting)
            .ToList();
        return new RoutingRestoreState(agents, waiting, active);
    }

    private RoutingResult Validate(RoutingRestoreState state)
    {
        if (_interactions.Count > 0 || _agentList.Any(a => a.SignedIn))
        {
            return RoutingResult.InvalidState;
        }

        var signedIn = new HashSet<AgentId>();
        foreach (var a in state.Agents)
        {
            if (!_agents.ContainsKey(a.AgentId))
            {
                return RoutingResult.UnknownAgent;
            }

            if (!signedIn.Add(a.AgentId))
            {
                return RoutingResult.AgentAlreadySignedIn;
            }
        }

        var ids = new HashSet<InteractionId>();
        foreach (var a in state.Active)
        {
            if (!signedIn.Contains(a.AgentId))
            {
                return RoutingResult.AgentNotSignedIn;
            }

            var check = CheckInteraction(a.Id, a.QueueId, a.Channel, ids);
            if (check != RoutingResult.Ok)
            {
                return check;
            }
        }

        foreach (var w in state.Waiting)
        {
            var check = CheckInteraction(w.Id, w.QueueId, w.Channel, ids);
            if (check != RoutingResult.Ok)
            {
                return check;
            }
        }

        return RoutingResult.Ok;
    }

    private RoutingResult CheckInteraction(InteractionId id, Queues.QueueId queueId, Channels.Channel channel, HashSet<InteractionId> ids)
    {
        if (!_queues.TryGetValue(queueId, out var queue))
        {
            return RoutingResult.UnknownQueue;
        }

        if (queue.Pools[(int)channel] is null)
        {
            return RoutingResult.ChannelNotServed;
        }

        return ids.Add(id) ? RoutingResult.Ok : RoutingResult.DuplicateInteraction;
    }
}
