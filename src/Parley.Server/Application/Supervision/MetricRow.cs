namespace Parley.Server.Application.Supervision;

/// <summary>
/// The real-time metrics of one queue, one channel or the whole tenant (<see cref="Key"/>: the queue id, the channel name, or
/// <c>all</c>). "Today" counts the contacts that entered the queue since local midnight in the tenant's time zone.
/// </summary>
/// <param name="ContactsInQueue">Contacts waiting for an agent (not those ringing at one).</param>
/// <param name="OldestContactAge">How long the longest-waiting of them has waited (zero when none waits).</param>
/// <param name="ServiceLevel">
/// <see cref="AnsweredWithinThreshold"/> / <see cref="Offered"/> (0..1), null before anything was offered today.
/// </param>
/// <param name="Offered">Contacts that entered the queue today, except those still waiting for less than the queue's threshold.</param>
/// <param name="AnsweredWithinThreshold">Answered today within the queue's service-level threshold.</param>
/// <param name="Answered">Accepted by an agent.</param>
/// <param name="Abandoned">The customer left while waiting or ringing.</param>
/// <param name="AverageWait">Mean time from entering the queue to being answered, over today's answered contacts.</param>
/// <param name="EstimatedWait">The routing engine's estimate for a new contact (for a channel or all: the longest of its queues').</param>
public sealed record MetricRow(
    string Key,
    string Name,
    int ContactsInQueue,
    TimeSpan OldestContactAge,
    AgentCounts Agents,
    double? ServiceLevel,
    int Offered,
    int AnsweredWithinThreshold,
    int Answered,
    int Abandoned,
    TimeSpan? AverageWait,
    TimeSpan? EstimatedWait,
    MetricAlerts Alerts);
