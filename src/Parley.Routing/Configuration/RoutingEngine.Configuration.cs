using Parley.Routing.Agents;
using Parley.Routing.Interactions;
using Parley.Routing.Pools;
using Parley.Routing.Queues;

namespace Parley.Routing;

public sealed partial class RoutingEngine
{
    /// <summary>Adds a queue or replaces its definition; waiting interactions keep their order and waiting time.</summary>
    public RoutingResult UpsertQueue(QueueDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        Begin();
        if (!DefinitionRules.IsValid(definition))
        {
            return RoutingResult.InvalidDefinition;
        }

        var queue = new QueueRuntime(definition, _skills);
        UseAnyIndexFor(queue);
        if (_queues.TryGetValue(definition.Id, out var old))
        {
            ReplaceQueue(old, queue);
            return RoutingResult.Ok;
        }

        _queues.Add(definition.Id, queue);
        _queueList.Add(queue);
        foreach (var agent in _agentList)
        {
            AddMemberships(agent, queue);
        }

        return RoutingResult.Ok;
    }

    /// <summary>Removes a queue. Its waiting interactions overflow to disconnect; offered and active ones finish normally.</summary>
    public RoutingResult RemoveQueue(QueueId id)
    {
        Begin();
        if (!_queues.TryGetValue(id, out var queue))
        {
            return RoutingResult.UnknownQueue;
        }

        queue.Removed = true;
        _queues.Remove(id);
        _queueList.Remove(queue);
        DropMemberships(queue);
        foreach (var i in InteractionsOf(queue))
        {
            if (i.Status is InteractionStatus.Waiting or InteractionStatus.WaitingForPreferredAgent)
            {
                Unwait(i);
                Overflow(i, queue, OverflowTarget.Disconnect, OverflowReason.QueueRemoved);
            }
        }

        return RoutingResult.Ok;
    }

    /// <summary>Adds an agent (signed out) or updates skills and capacities, keeping work in hand.</summary>
    public RoutingResult UpsertAgent(AgentDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        Begin();
        if (!DefinitionRules.IsValid(definition))
        {
            return RoutingResult.InvalidDefinition;
        }

        if (!_agents.TryGetValue(definition.Id, out var agent))
        {
            agent = new AgentRuntime(definition, ++_agentOrder) { StateSinceTicks = _now };
            agent.Configure(definition, _skills);
            BuildEntries(agent);
            _agents.Add(definition.Id, agent);
            _agentList.Add(agent);
            foreach (var queue in _queueList)
            {
                AddMemberships(agent, queue);
            }

            return RoutingResult.Ok;
        }

        SetStaffed(agent, false);
        foreach (var member in agent.Members)
        {
            member.Pool.Members.Remove(member);
            member.Pool.Queue.Agents.Remove(agent);
        }

        agent.Members.Clear();
        agent.Configure(definition, _skills);
        BuildEntries(agent);
        foreach (var queue in _queueList)
        {
            AddMemberships(agent, queue);
        }

        Settle(agent, forced: false);
        return RoutingResult.Ok;
    }

    /// <summary>Forgets a signed-out agent.</summary>
    public RoutingResult RemoveAgent(AgentId id)
    {
        Begin();
        if (!_agents.TryGetValue(id, out var agent))
        {
            return RoutingResult.UnknownAgent;
        }

        if (agent.SignedIn)
        {
            return RoutingResult.AgentHasWork;
        }

        foreach (var member in agent.Members)
        {
            member.Pool.Members.Remove(member);
            member.Pool.Queue.Agents.Remove(agent);
        }

        BuildEntries(agent);
        agent.Entries.Clear();
        _agents.Remove(id);
        _agentList.Remove(agent);
        return RoutingResult.Ok;
    }

    private void ReplaceQueue(QueueRuntime old, QueueRuntime queue)
    {
        queue.Answered = old.Answered;
        queue.AnsweredWithinTarget = old.AnsweredWithinTarget;
        queue.Abandoned = old.Abandoned;
        queue.Overflowed = old.Overflowed;
        queue.AverageHandleSeconds = old.AverageHandleSeconds;
        old.Removed = true;
        _queues[queue.Id] = queue;
        _queueList[_queueList.IndexOf(old)] = queue;
        DropMemberships(old);
        var moved = InteractionsOf(old);
        foreach (var i in moved)
        {
            if (i.Status is InteractionStatus.Waiting or InteractionStatus.WaitingForPreferredAgent)
            {
                Unwait(i);
            }
        }

        foreach (var agent in _agentList)
        {
            AddMemberships(agent, queue);
        }

        foreach (var i in moved)
        {
            var wasWaiting = i.Status is InteractionStatus.Waiting or InteractionStatus.WaitingForPreferredAgent;
            var pool = queue.Pools[(int)i.Channel];
            i.Queue = queue;
            i.Combined = null;
            i.Pool = pool!;
            if (!wasWaiting)
            {
                continue;
            }

            if (pool is null)
            {
                Overflow(i, queue, OverflowTarget.Disconnect, OverflowReason.QueueRemoved);
            }
            else
            {
                i.Generation++;
                Wait(i);
                TryRoute(i);
            }
        }
    }

    private List<InteractionRuntime> InteractionsOf(QueueRuntime queue)
    {
        var list = new List<InteractionRuntime>();
        foreach (var i in _interactions.Values)
        {
            if (i.Queue == queue)
            {
                list.Add(i);
            }
        }

        list.Sort(static (a, b) => a.Sequence.CompareTo(b.Sequence));
        return list;
    }

    private void DropMemberships(QueueRuntime queue)
    {
        foreach (var agent in queue.Agents)
        {
            foreach (var member in agent.Members)
            {
                if (member.Pool.Queue == queue)
                {
                    if (agent.Staffed)
                    {
                        member.Pool.StaffedSlots -= agent.Capacity[(int)member.Pool.Channel];
                    }
                }
            }

            agent.Members.RemoveAll(m => m.Pool.Queue == queue);
        }
    }

    private static void AddMemberships(AgentRuntime agent, QueueRuntime queue)
    {
        var level = DefinitionRules.LevelOf(agent, queue);
        if (level < 0)
        {
            return;
        }

        foreach (var pool in queue.PoolList)
        {
            var capacity = agent.Capacity[(int)pool.Channel];
            if (capacity <= 0)
            {
                continue;
            }

            var member = new PoolMember(agent, pool, level);
            InsertInOrder(pool.Members, member);
            agent.Members.Add(member);
            queue.Agents.Add(agent);
            if (agent.Staffed)
            {
                pool.StaffedSlots += capacity;
            }
        }
    }

    private static void InsertInOrder(List<PoolMember> members, PoolMember member)
    {
        var index = members.Count;
        while (index > 0 && members[index - 1].Agent.Order > member.Agent.Order)
        {
            index--;
        }

        members.Insert(index, member);
    }
}
