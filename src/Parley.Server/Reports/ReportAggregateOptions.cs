using System.ComponentModel.DataAnnotations;

namespace Parley.Server.Reports;

/// <summary><c>Parley:Reports</c>: how the contacts' quarter-hour aggregates are kept up to date.</summary>
public sealed class ReportAggregateOptions
{
    public const string Section = "Parley:Reports";

    /// <summary>How often each tenant's finished quarter hours are closed. Default 1 minute; 1 s to 1 hour.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan CloseInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long after a quarter hour ends it may close (most late saves and wrap-ups land first). A change to its records
    /// after that marks the quarter stale, and the next round sums it again. Default 30 minutes; 1 minute to 1 day.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan SettleAfter { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// How long a contact that never ended (no end time saved) keeps its quarter open; after that it is counted as the
    /// raw reports count it. Default 12 hours; 1 hour to 7 days.
    /// </summary>
    [Range(typeof(TimeSpan), "01:00:00", "7.00:00:00")]
    public TimeSpan OpenContactLimit { get; set; } = TimeSpan.FromHours(12);
}
