using Parley.Routing.Agents;
using Parley.Routing.Events;
using Parley.Routing.Interactions;
using Parley.Routing.Pools;
using Parley.Routing.Queues;
using Parley.Routing.Timers;

namespace Parley.Routing;

public sealed partial class RoutingEngine
{
    /// <summary>
    /// Counts routing decisions (offers made) since the engine was created. Matching is eager: no available
    /// agent is ever left idle beside a waiting interaction it may take, so a newcomer never overtakes anyone.
    /// </summary>
    public long Decisions { get; private set; }

    private const double TicksPerSecond = TimeSpan.TicksPerSecond;

    /// <summary>2024-01-01 UTC: aging keys count seconds from here to keep doubles precise.</summary>
    private const long EpochTicks = 638396640000000000;

    private void EmitQueued(InteractionRuntime i, int position, TimeSpan? estimatedWait) =>
        Emit(new InteractionQueued(NowOffset, i.Id, i.Queue.Id, i.Channel, i.Priority, ToOffset(i.EnqueuedTicks), position, estimatedWait));

    private void Wait(InteractionRuntime i)
    {
        var queue = i.Queue;
        i.Status = InteractionStatus.Waiting;
        i.Queued = true;
        i.Entry = new WaitingEntry(i.Priority - (queue.AgingPerSecond * ((i.EnqueuedTicks - EpochTicks) / TicksPerSecond)), i.EnqueuedTicks, i.Sequence, i);
        i.Pool.Waiting.Add(i.Entry);
        i.Pool.WithExtraCount += i.Extra.Length == 0 ? 0 : 1;
        _waitingByChannel[(int)i.Channel]++;
        queue.WaitingCount++;
        MarkDirty(queue);
        i.Level = queue.LevelAt(_now - i.QueuedTicks);
        if (i.Level + 1 < queue.LevelAfterTicks.Length)
        {
            _timers.Schedule(i.QueuedTicks + queue.LevelAfterTicks[i.Level + 1], queue.LevelAfterTicks[i.Level + 1], new TimerEntry(TimerKind.BullseyeStep, i, i.Generation, null, null));
        }

        ScheduleMaxWait(i);
    }

    private void Park(InteractionRuntime i, AgentRuntime agent)
    {
        i.Status = InteractionStatus.WaitingForPreferredAgent;
        i.Queued = true;
        agent.PreferredWaiting.Add(i);
        i.Queue.WaitingCount++;
        MarkDirty(i.Queue);
        _timers.Schedule(i.QueuedTicks + i.Queue.Definition.PreferredAgentTimeout.Ticks, i.Queue.Definition.PreferredAgentTimeout.Ticks, new TimerEntry(TimerKind.PreferredAgentTimeout, i, i.Generation, null, null));
        ScheduleMaxWait(i);
    }

    private void ScheduleMaxWait(InteractionRuntime i)
    {
        if (i.Queue.Definition.MaxWait is { } maxWait && !i.Deferred)
        {
            _timers.Schedule(i.QueuedTicks + maxWait.Ticks, maxWait.Ticks, new TimerEntry(TimerKind.MaxWait, i, i.Generation, null, null));
        }
    }

    /// <summary>Takes a waiting interaction out of its pool or its preferred agent's list.</summary>
    private void Unwait(InteractionRuntime i)
    {
        if (!i.Queued)
        {
            return;
        }

        i.Queued = false;
        if (i.Status == InteractionStatus.Waiting)
        {
            i.Pool.Waiting.Remove(i.Entry);
            i.Pool.WithExtraCount -= i.Extra.Length == 0 ? 0 : 1;
            _waitingByChannel[(int)i.Channel]--;
        }
        else
        {
            i.PreferredAgent!.PreferredWaiting.Remove(i);
        }

        i.Queue.WaitingCount--;
        MarkDirty(i.Queue);
    }

    private void Offer(InteractionRuntime i, AgentRuntime agent)
    {
        Unwait(i);
        i.Status = InteractionStatus.Offered;
        i.Agent = agent;
        i.Generation++;
        i.OfferedTicks = _now;
        agent.Work.Add(i);
        agent.Ringing++;
        agent.AddLoad(i.Channel, 1);
        var timeout = i.Queue.Definition.OfferTimeout.Ticks;
        var expires = _now + timeout;
        _timers.Schedule(expires, timeout, new TimerEntry(TimerKind.OfferTimeout, i, i.Generation, null, null));
        Decisions++;
        Emit(new InteractionOffered(NowOffset, i.Id, i.Queue.Id, agent.Id, i.Channel, ToOffset(expires)));
    }

    /// <summary>Ends a ringing offer without acceptance and puts the interaction back with its original enqueue time.</summary>
    private void ReturnToQueue(InteractionRuntime i, OfferOutcome outcome)
    {
        var agent = i.Agent!;
        agent.Work.Remove(i);
        agent.Ringing--;
        agent.AddLoad(i.Channel, -1);
        i.Agent = null;
        i.PreferredAgent = null;
        i.Generation++;
        var at = NowOffset;
        Emit(outcome switch
        {
            OfferOutcome.Rejected => new InteractionRejected(at, i.Id, i.Queue.Id, agent.Id),
            OfferOutcome.TimedOut => new InteractionOfferTimedOut(at, i.Id, i.Queue.Id, agent.Id),
            _ => new InteractionOfferRevoked(at, i.Id, i.Queue.Id, agent.Id),
        });
        if (i.Queue.Removed || i.Queue.Pools[(int)i.Channel] is null)
        {
            i.Status = InteractionStatus.Waiting;
            Overflow(i, i.Queue, OverflowTarget.Disconnect, OverflowReason.QueueRemoved);
            return;
        }

        Wait(i);
    }

    /// <summary>Counts a missed offer; returns true when it switched the agent to not ready.</summary>
    private bool CountMissed(AgentRuntime agent)
    {
        agent.MissedInRow++;
        var limit = Options.AutoNotReadyAfterMissedOffers;
        if (limit > 0 && agent.MissedInRow >= limit && agent.NotReadyReason is null && agent.SignedIn && !agent.SignOutPending)
        {
            agent.NotReadyReason = Options.MissedOffersReason;
            return true;
        }

        return false;
    }

    /// <summary>Offers a waiting interaction, or better ones of its pool, to available agents while any fits.</summary>
    private void TryRoute(InteractionRuntime i)
    {
        while (i.Status == InteractionStatus.Waiting && IsLive(i))
        {
            var agent = SelectAgent(i.Pool, i.Level, i);
            var best = agent is null ? null : i.Pool.FirstEligible(agent, DefinitionRules.LevelOf(agent, i.Queue));
            if (best is null)
            {
                return;
            }

            Offer(best, agent!);
            Settle(agent!, forced: false);
        }
    }

    /// <summary>Gives an agent who can take more work the best interaction waiting for them, repeatedly.</summary>
    private void FindWork(AgentRuntime agent)
    {
        while (agent.Ready)
        {
            InteractionRuntime? best = null;
            foreach (var parked in agent.PreferredWaiting)
            {
                if (agent.CanTake(parked.Channel))
                {
                    best = parked;
                    break;
                }
            }

            if (best is null && HasWaitingFor(agent))
            {
                var members = agent.Members;
                for (var m = 0; m < members.Count; m++)
                {
                    var pool = members[m].Pool;
                    if (pool.Waiting.Count == 0 || !agent.CanTake(pool.Channel))
                    {
                        continue;
                    }

                    var candidate = pool.FirstEligible(agent, members[m].Level);
                    if (candidate is not null && (best is null || Precedes(candidate, best)))
                    {
                        best = candidate;
                    }
                }
            }

            if (best is null)
            {
                return;
            }

            Offer(best, agent);
        }
    }

    private bool HasWaitingFor(AgentRuntime agent)
    {
        for (var c = 0; c < _waitingByChannel.Length; c++)
        {
            if (_waitingByChannel[c] > 0 && agent.CanTake((Channels.Channel)c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Higher effective priority (queue + interaction + aging) first, then earlier enqueue time, then arrival.</summary>
    private bool Precedes(InteractionRuntime a, InteractionRuntime b)
    {
        var pa = EffectivePriority(a);
        var pb = EffectivePriority(b);
        if (pa != pb)
        {
            return pa > pb;
        }

        return a.EnqueuedTicks != b.EnqueuedTicks ? a.EnqueuedTicks < b.EnqueuedTicks : a.Sequence < b.Sequence;
    }

    private double EffectivePriority(InteractionRuntime i) =>
        i.Queue.Definition.Priority + i.Entry.Key + (i.Queue.AgingPerSecond * ((_now - EpochTicks) / TicksPerSecond));

    private bool IsLive(InteractionRuntime i) => _interactions.TryGetValue(i.Id, out var current) && current == i;
}
