using System.ComponentModel.DataAnnotations;

namespace Parley.Server.Options;

/// <summary>
/// <c>Parley:RateLimits</c>: token buckets per tenant and per client IP. Defaults are generous enough for a busy
/// console of many supervisors; excess requests get 429 with Retry-After.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "Parley:RateLimits";

    public bool Enabled { get; set; } = true;

    [Range(1, 1_000_000)]
    public int PerTenantPerSecond { get; set; } = 2000;

    [Range(1, 1_000_000)]
    public int PerTenantBurst { get; set; } = 4000;

    [Range(1, 1_000_000)]
    public int PerIpPerSecond { get; set; } = 500;

    [Range(1, 1_000_000)]
    public int PerIpBurst { get; set; } = 1000;

    /// <summary>Refused requests are logged as one line per kind per interval (default 10 s), not one per request.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan RefusalLogInterval { get; set; } = TimeSpan.FromSeconds(10);
}
