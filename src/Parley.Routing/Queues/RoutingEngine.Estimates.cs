using Parley.Routing.Pools;

namespace Parley.Routing;

public sealed partial class RoutingEngine
{
    private static int Rank(Pool pool, WaitingEntry entry) => pool.Waiting.IndexOf(entry) + 1;

    /// <summary>
    /// Estimated wait for the interaction at <paramref name="position"/> when no agent can take it now: one average
    /// handle time per staffed slot for each position. Null when nobody is staffed.
    /// </summary>
    private static TimeSpan? Estimate(Pool pool, int position)
    {
        if (pool.StaffedSlots <= 0)
        {
            return null;
        }

        var handle = pool.Queue.AverageHandleSeconds >= 0
            ? pool.Queue.AverageHandleSeconds
            : pool.Queue.Definition.DefaultHandleTime.TotalSeconds;
        return TimeSpan.FromSeconds(Math.Round(position * handle / pool.StaffedSlots, 1));
    }
}
