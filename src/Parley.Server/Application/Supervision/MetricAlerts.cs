namespace Parley.Server.Application.Supervision;

/// <summary>The alert level of each figure that has thresholds.</summary>
public sealed record MetricAlerts(AlertLevel ContactsInQueue, AlertLevel OldestContactAge, AlertLevel ServiceLevel)
{
    public static readonly MetricAlerts None = new(AlertLevel.None, AlertLevel.None, AlertLevel.None);

    /// <summary>The worst level of each figure over <paramref name="rows"/> (the tiles show the worst queue).</summary>
    public static MetricAlerts Worst(IEnumerable<MetricAlerts> rows) => rows.Aggregate(
        None, (a, b) => new MetricAlerts(Max(a.ContactsInQueue, b.ContactsInQueue), Max(a.OldestContactAge, b.OldestContactAge), Max(a.ServiceLevel, b.ServiceLevel)));

    private static AlertLevel Max(AlertLevel a, AlertLevel b) => a > b ? a : b;
}
