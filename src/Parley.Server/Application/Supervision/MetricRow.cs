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
/// <param name="Offered">
/// Contacts that entered the queue today, except those still waiting for less than the queue's threshold and calls agents
/// placed (<see cref="TodayFigures"/>).
/// </param>
/// <param name="AnsweredWithinThreshold">Answered today within the queue's service-level threshold.</param>
/// <param name="Answered">Accepted by an agent.</param>
/// <param name="Abandoned">The customer left while waiting or ringing.</param>
/// <param name="AverageWait">Mean time from entering the queue to being answered, over today's answered contacts.</param>
/// <param name="EstimatedWait">The routing engine's estimate for a new contact (for a channel or all: the longest of its queues').</param>
/// <param name="Alerts">Each figure's level against the thresholds as of the view (for all: the worst queue).</param>
/// <param name="Thresholds">The queue's thresholds (none for a channel or all), so a screen can colour the oldest age as it grows.</param>
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
    MetricAlerts Alerts,
    QueueThresholds Thresholds)
{
    /// <summary>The oldest contact's alert level <paramref name="elapsed"/> after the view, when it has waited that much longer.</summary>
    public AlertLevel OldestAgeAlertAfter(TimeSpan elapsed) =>
        ContactsInQueue == 0 ? AlertLevel.None
        : Thresholds.ForOldestAge(OldestContactAge + elapsed) is var live && live > Alerts.OldestContactAge ? live : Alerts.OldestContactAge;
}
