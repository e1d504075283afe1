using Parley.Routing.Agents;
using Parley.Routing.Events;
using Parley.Routing.Queues;

namespace Parley.Routing;

public sealed partial class RoutingEngine
{
    /// <summary>Starts a new statistics day (the host calls it at the tenant's midnight).</summary>
    public void ResetDailyStatistics()
    {
        Begin();
        foreach (var queue in _queueList)
        {
            queue.Answered = 0;
            queue.AnsweredWithinTarget = 0;
            queue.Abandoned = 0;
            queue.Overflowed = 0;
            MarkDirty(queue);
        }
    }

    private void PublishStatistics()
    {
        foreach (var queue in _dirtyQueues)
        {
            queue.Dirty = false;
            if (!queue.Removed)
            {
                Emit(new QueueStatisticsChanged(NowOffset, BuildStatistics(queue, _now)));
            }
        }

        _dirtyQueues.Clear();
    }

    private QueueStatistics BuildStatistics(QueueRuntime queue, long now)
    {
        var oldest = now;
        TimeSpan? estimate = TimeSpan.Zero;
        foreach (var pool in queue.PoolList)
        {
            for (var k = 0; k < pool.Waiting.Count; k++)
            {
                oldest = Math.Min(oldest, pool.Waiting[k].EnqueuedTicks);
            }

            var poolEstimate = pool.Waiting.Count == 0 && SelectAgent(pool, 0, null, commit: false) is not null
                ? TimeSpan.Zero
                : Estimate(pool, pool.Waiting.Count + 1);
            estimate = estimate is null || poolEstimate is null ? null : poolEstimate > estimate ? poolEstimate : estimate;
        }

        var handled = queue.Answered + queue.Abandoned;
        var handle = queue.AverageHandleSeconds >= 0 ? TimeSpan.FromSeconds(queue.AverageHandleSeconds) : queue.Definition.DefaultHandleTime;
        return new QueueStatistics(
            queue.Id,
            queue.WaitingCount,
            TimeSpan.FromTicks(now - oldest),
            estimate,
            queue.Answered,
            queue.AnsweredWithinTarget,
            queue.Abandoned,
            queue.Overflowed,
            handled == 0 ? null : (double)queue.AnsweredWithinTarget / handled,
            handle);
    }

    private QueueSnapshot BuildSnapshot(QueueRuntime queue, long now)
    {
        Span<int> counts = stackalloc int[6];
        var slots = 0;
        foreach (var agent in queue.Agents)
        {
            counts[(int)agent.State]++;
            foreach (var pool in queue.PoolList)
            {
                if (agent.CanTake(pool.Channel))
                {
                    slots += agent.Capacity[(int)pool.Channel] - agent.Load[(int)pool.Channel];
                }
            }
        }

        return new QueueSnapshot(
            BuildStatistics(queue, now),
            new AgentStateCounts(
                counts[(int)AgentState.LoggedOut], counts[(int)AgentState.Available], counts[(int)AgentState.Reserved],
                counts[(int)AgentState.Busy], counts[(int)AgentState.AfterCallWork], counts[(int)AgentState.NotReady]),
            slots);
    }
}
