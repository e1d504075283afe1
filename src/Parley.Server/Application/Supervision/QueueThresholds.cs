namespace Parley.Server.Application.Supervision;

/// <summary>
/// A queue's alert thresholds on the supervisor dashboard; null leaves a figure uncoloured. Contacts in queue and the oldest
/// contact's age turn amber/red at or above their value; service level today turns amber/red below its percentage.
/// </summary>
public sealed record QueueThresholds(
    int? ContactsInQueueAmber = null,
    int? ContactsInQueueRed = null,
    int? OldestContactAgeAmberSeconds = null,
    int? OldestContactAgeRedSeconds = null,
    int? ServiceLevelAmberPercent = null,
    int? ServiceLevelRedPercent = null)
{
    public static readonly QueueThresholds None = new();

    public AlertLevel ForContacts(int contacts) => AtOrAbove(contacts, ContactsInQueueAmber, ContactsInQueueRed);

    public AlertLevel ForOldestAge(TimeSpan age) => AtOrAbove((long)age.TotalSeconds, OldestContactAgeAmberSeconds, OldestContactAgeRedSeconds);

    public AlertLevel ForServiceLevel(double? level) =>
        level is not { } value ? AlertLevel.None
        : value * 100 < ServiceLevelRedPercent ? AlertLevel.Red
        : value * 100 < ServiceLevelAmberPercent ? AlertLevel.Amber
        : AlertLevel.None;

    private static AlertLevel AtOrAbove(long value, int? amber, int? red) =>
        value >= red ? AlertLevel.Red : value >= amber ? AlertLevel.Amber : AlertLevel.None;
}
