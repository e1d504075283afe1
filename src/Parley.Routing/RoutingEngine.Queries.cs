using Parley.Routing.Agents;
using Parley.Routing.Interactions;
using Parley.Routing.Queues;

namespace Parley.Routing;

public sealed partial class RoutingEngine
{
    /// <summary>Real-time view of an agent, or null when unknown.</summary>
    public AgentSnapshot? GetAgent(AgentId agentId)
    {
        if (!_agents.TryGetValue(agentId, out var agent))
        {
            return null;
        }

        var now = Now();
        var work = agent.Work.Select(i => new AgentWork(
            i.Id, i.Queue.Id, i.Channel, i.Status,
            TimeSpan.FromTicks(now - (i.Status == InteractionStatus.Active ? i.AcceptedTicks : i.OfferedTicks)))).ToArray();
        var wrapUps = agent.WrapUps.Select(w => new PendingWrapUp(w.InteractionId, w.Queue.Id, TimeSpan.FromTicks(now - w.StartedTicks), w.TimeLimit)).ToArray();
        return new AgentSnapshot(
            agent.Id, agent.State, agent.StateReason, TimeSpan.FromTicks(now - agent.StateSinceTicks),
            agent.NotReadyReason, agent.SignOutPending, agent.MissedInRow, work, wrapUps);
    }

    /// <summary>Real-time metrics of a queue, or null when unknown.</summary>
    public QueueSnapshot? GetQueue(QueueId queueId) =>
        _queues.TryGetValue(queueId, out var queue) ? BuildSnapshot(queue, Now()) : null;

    /// <summary>Position and estimated wait of an interaction not yet ended, or null when unknown.</summary>
    public InteractionPosition? GetPosition(InteractionId interactionId)
    {
        if (!_interactions.TryGetValue(interactionId, out var i))
        {
            return null;
        }

        var waited = TimeSpan.FromTicks(Now() - i.EnqueuedTicks);
        switch (i.Status)
        {
            case InteractionStatus.Waiting:
                var rank = Rank(i.Pool, i.Entry);
                return new InteractionPosition(i.Id, i.Status, rank, waited, Estimate(i.Pool, rank));
            case InteractionStatus.WaitingForPreferredAgent:
                var position = i.PreferredAgent!.PreferredWaiting.IndexOf(i) + 1;
                return new InteractionPosition(i.Id, i.Status, position, waited, null);
            default:
                return new InteractionPosition(i.Id, i.Status, 0, waited, TimeSpan.Zero);
        }
    }

    /// <summary>
    /// Interactions waiting in a queue, in the order agents will get them (per channel, channels in enum order),
    /// followed by those waiting for a preferred agent.
    /// </summary>
    public IReadOnlyList<WaitingInteraction> GetWaiting(QueueId queueId)
    {
        if (!_queues.TryGetValue(queueId, out var queue))
        {
            return [];
        }

        var list = new List<WaitingInteraction>();
        foreach (var pool in queue.PoolList)
        {
            for (var k = 0; k < pool.Waiting.Count; k++)
            {
                list.Add(ToWaiting(pool.Waiting[k].Interaction));
            }
        }

        foreach (var agent in _agentList)
        {
            foreach (var i in agent.PreferredWaiting)
            {
                if (i.Queue == queue)
                {
                    list.Add(ToWaiting(i));
                }
            }
        }

        return list;
    }

    private static WaitingInteraction ToWaiting(InteractionRuntime i) =>
        new(i.Id, i.Queue.Id, i.Channel, i.Priority, ToOffset(i.EnqueuedTicks), i.PreferredAgent?.Id, i.ExtraDefinition, i.Deferred);

    /// <summary>Queries read the clock without firing timers, so they never publish events.</summary>
    private long Now() => Math.Max(_now, _time.GetUtcNow().UtcTicks);
}
