using Parley.Routing.Events;
using Parley.Routing.Interactions;
using Parley.Routing.Queues;
using Parley.Routing.Timers;

namespace Parley.Routing;

public sealed partial class RoutingEngine
{
    /// <summary>The earliest pending deadline (may be a stale one); the host may arm its timer for it.</summary>
    public DateTimeOffset? NextDueAt => _timers.TryPeekDue(out var due) ? ToOffset(due) : null;

    /// <summary>
    /// The heartbeat: fires due offer timeouts, wrap-up limits, preferred-agent timeouts, bullseye steps and max
    /// waits, then publishes <see cref="QueueStatisticsChanged"/> for queues that changed. Returns <see cref="NextDueAt"/>.
    /// </summary>
    public DateTimeOffset? Tick()
    {
        Begin();
        PublishStatistics();
        return NextDueAt;
    }

    private void RunDueTimers()
    {
        while (_timers.TryDequeueDue(_now, out var entry))
        {
            if (entry.Kind == TimerKind.WrapUpLimit)
            {
                WrapUpExpired(entry);
                continue;
            }

            var i = entry.Interaction!;
            if (i.Generation != entry.Generation || !IsLive(i))
            {
                continue;
            }

            switch (entry.Kind)
            {
                case TimerKind.OfferTimeout when i.Status == InteractionStatus.Offered:
                    var agent = i.Agent!;
                    ReturnToQueue(i, OfferOutcome.TimedOut);
                    var forced = CountMissed(agent);
                    Relink(agent);
                    TryRoute(i);
                    Settle(agent, forced);
                    break;
                case TimerKind.MaxWait when i.Status is InteractionStatus.Waiting or InteractionStatus.WaitingForPreferredAgent:
                    Unwait(i);
                    Overflow(i, i.Queue, i.Queue.Definition.Overflow, OverflowReason.MaxWaitExceeded);
                    break;
                case TimerKind.BullseyeStep when i.Status == InteractionStatus.Waiting:
                    i.Level = i.Queue.LevelAt(_now - i.QueuedTicks);
                    if (i.Level + 1 < i.Queue.LevelAfterTicks.Length)
                    {
                        _timers.Schedule(i.QueuedTicks + i.Queue.LevelAfterTicks[i.Level + 1], i.Queue.LevelAfterTicks[i.Level + 1], entry);
                    }

                    TryRoute(i);
                    break;
                case TimerKind.PreferredAgentTimeout when i.Status == InteractionStatus.WaitingForPreferredAgent:
                    Unwait(i);
                    i.PreferredAgent = null;
                    Wait(i);
                    TryRoute(i);
                    break;
            }
        }
    }

    private void WrapUpExpired(TimerEntry entry)
    {
        var agent = entry.Agent!;
        var index = agent.WrapUps.IndexOf(entry.WrapUp!);
        if (index < 0)
        {
            return;
        }

        agent.WrapUps.RemoveAt(index);
        Emit(new WrapUpCompleted(NowOffset, agent.Id, entry.WrapUp!.InteractionId, entry.WrapUp.Queue.Id, null, TimedOut: true));
        Settle(agent, forced: true);
    }
}
