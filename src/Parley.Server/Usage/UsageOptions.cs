using System.ComponentModel.DataAnnotations;

namespace Parley.Server.Usage;

/// <summary><c>Parley:Usage</c>: how often usage is brought up to date and stored.</summary>
public sealed class UsageOptions
{
    public const string Section = "Parley:Usage";

    /// <summary>How often API call counts are written and finished days are closed. Default 5 minutes; 1 s to 1 hour.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How many finished days a tenant's first run (or a run after a long stop) closes. Default 7; 1 to 93.</summary>
    [Range(1, 93)]
    public int CatchUpDays { get; set; } = 7;
}
