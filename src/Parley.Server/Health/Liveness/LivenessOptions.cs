using System.ComponentModel.DataAnnotations;

namespace Parley.Server.Health.Liveness;

/// <summary>
/// <c>Parley:Liveness</c>: how often the main loops are probed and how long one may stay silent before
/// <c>/health/live</c> turns unhealthy and the systemd watchdog is no longer fed (so systemd restarts the process).
/// </summary>
public sealed class LivenessOptions
{
    public const string Section = "Parley:Liveness";

    /// <summary>Time between probes of each loop (default 5 s).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan ProbeInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A loop whose probe has waited, or kept failing, longer than this is stalled (default 30 s).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan StallAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How often the systemd watchdog is fed while every loop is live. Unset: half of the unit's <c>WatchdogSec</c>
    /// (systemd passes it as <c>WATCHDOG_USEC</c>); without either, no watchdog messages are sent.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan? WatchdogInterval { get; set; }
}
