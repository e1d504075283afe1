using Parley.Routing.Events;
using Parley.Routing.Interactions;
using Parley.Routing.Pools;
using Parley.Routing.Queues;

namespace Parley.Routing;

public sealed partial class RoutingEngine
{
    /// <summary>Places an interaction in <paramref name="queue"/>: preferred agent, an agent now, overflow rules, or wait.</summary>
    private void Admit(InteractionRuntime i, QueueRuntime queue)
    {
        var pool = queue.Pools[(int)i.Channel]!;
        var definition = queue.Definition;
        i.Generation++;
        i.Queue = queue;
        i.Combined = null;
        i.Pool = pool;
        i.QueuedTicks = _now;
        i.Level = 0;
        if (i.PreferredAgent is { } preferred)
        {
            if (preferred.CanTake(i.Channel))
            {
                EmitQueued(i, 1, TimeSpan.Zero);
                Offer(i, preferred);
                Settle(preferred, forced: false);
                return;
            }

            if (preferred.SignedIn && !preferred.SignOutPending && definition.PreferredAgentTimeout > TimeSpan.Zero)
            {
                if (!OverflowsOnArrival(i, queue, pool))
                {
                    Park(i, preferred);
                    EmitQueued(i, preferred.PreferredWaiting.Count, null);
                }

                return;
            }

            i.PreferredAgent = null;
        }

        var agent = SelectAgent(pool, 0, i);
        if (agent is not null)
        {
            EmitQueued(i, 1, TimeSpan.Zero);
            Offer(i, agent);
            Settle(agent, forced: false);
            return;
        }

        if (OverflowsOnArrival(i, queue, pool))
        {
            return;
        }

        Wait(i);
        var position = Rank(pool, i.Entry);
        EmitQueued(i, position, Estimate(pool, position));
    }

    /// <summary>Max size, then KPI rules (size, estimated wait) for an arrival no agent can take now; never for deferred work.</summary>
    private bool OverflowsOnArrival(InteractionRuntime i, QueueRuntime queue, Pool pool)
    {
        if (i.Deferred)
        {
            return false;
        }

        var definition = queue.Definition;
        if (definition.MaxSize is int max && queue.WaitingCount >= max)
        {
            Overflow(i, queue, definition.Overflow, OverflowReason.QueueFull);
            return true;
        }

        if (definition.KpiOverflow is not { } kpi)
        {
            return false;
        }

        if (kpi.SizeAbove is int size && queue.WaitingCount >= size)
        {
            Overflow(i, queue, kpi.Target, OverflowReason.SizeAboveThreshold);
            return true;
        }

        if (kpi.EstimatedWaitAbove is { } limit && (Estimate(pool, pool.Waiting.Count + 1) is not { } wait || wait > limit))
        {
            Overflow(i, queue, kpi.Target, OverflowReason.EstimatedWaitAboveThreshold);
            return true;
        }

        return false;
    }

    /// <summary>Removes an interaction that is out of every container towards its overflow target.</summary>
    private void Overflow(InteractionRuntime i, QueueRuntime from, OverflowTarget target, OverflowReason reason)
    {
        from.Overflowed++;
        MarkDirty(from);
        QueueRuntime? next = null;
        if (target.Kind == OverflowTargetKind.Queue)
        {
            if (target.Queue is { } id && _queues.TryGetValue(id, out var q) && q != from
                && i.OverflowHops < Options.MaxOverflowHops && q.Pools[(int)i.Channel] is not null)
            {
                next = q;
            }
            else
            {
                target = OverflowTarget.Disconnect;
                reason = OverflowReason.OverflowLoop;
            }
        }

        i.Generation++;
        Emit(new InteractionOverflowed(NowOffset, i.Id, from.Id, target, reason));
        if (next is null)
        {
            _interactions.Remove(i.Id);
            return;
        }

        i.OverflowHops++;
        Admit(i, next);
    }
}
