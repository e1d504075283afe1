using System.ComponentModel.DataAnnotations;
using Parley.Cluster.Hosting;

namespace Parley.Server.Options;

/// <summary>
/// <c>Parley:Cluster</c>: the node's Orleans silo. <see cref="ClusterMode.Localhost"/> (default): one node, localhost
/// clustering, nothing to set. <see cref="ClusterMode.AdoNet"/>: one node of several sharing a PostgreSQL database for
/// membership and reminders (the rules beyond these annotations are in <c>ClusterTopology</c>).
/// </summary>
public sealed class ClusterHostOptions
{
    public const string Section = "Parley:Cluster";

    /// <summary><see cref="ClusterMode.Localhost"/> (default) or <see cref="ClusterMode.AdoNet"/>.</summary>
    [EnumDataType(typeof(ClusterMode))]
    public ClusterMode Mode { get; set; } = ClusterMode.Localhost;

    /// <summary>
    /// Silo-to-silo port. Default 0: a free port is picked at start, so several servers (or test hosts) can run on
    /// one machine; the other silos read the chosen port from the membership table. Set a fixed one behind firewalls.
    /// </summary>
    [Range(0, 65535)]
    public int SiloPort { get; set; }

    /// <summary>Port for external Orleans clients; 0 (default) = none. Parley's nodes host their silo and need none.</summary>
    [Range(0, 65535)]
    public int GatewayPort { get; set; }

    /// <summary>AdoNet: the IP address the other nodes reach this silo on (required; never a wildcard).</summary>
    public string? AdvertisedAddress { get; set; }

    /// <summary>AdoNet: the address the silo port binds; default the advertised address (<c>0.0.0.0</c> behind NAT).</summary>
    public string? ListenAddress { get; set; }

    [Required]
    [RegularExpression("^[A-Za-z0-9._-]{1,100}$", ErrorMessage = "Parley:Cluster:ClusterId may hold only letters, digits, '.', '_' and '-' (at most 100).")]
    public string ClusterId { get; set; } = "parley";

    /// <summary>
    /// How long a draining node (SIGTERM, or <c>POST /api/v1/platform/nodes/{id}/drain</c>) lets its live calls finish
    /// before it ends those left (BYE, cause <c>node_drain</c>) and exits. Default 5 minutes; 1 s to 4 h. The host's
    /// shutdown timeout is this plus 20 s, and a service manager must wait longer still (systemd's <c>TimeoutStopSec</c>).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "04:00:00", ErrorMessage = "Parley:Cluster:DrainTimeout must be between 1 second and 4 hours.")]
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromMinutes(5);

    [Required]
    [RegularExpression("^[A-Za-z0-9._-]{1,100}$", ErrorMessage = "Parley:Cluster:ServiceId may hold only letters, digits, '.', '_' and '-' (at most 100).")]
    public string ServiceId { get; set; } = "parley";

    /// <summary>
    /// AdoNet: how often each silo probes the others, and how long it waits for an answer (Orleans'
    /// <c>ClusterMembershipOptions.ProbeTimeout</c>). A node that misses three probes in a row is voted dead, so a node
    /// killed outright is declared dead — its grains moved, its calls closed — about three times this after it died
    /// (default 2 s: under 10 s; Orleans' own default of 5 s takes 15 s or more). Orleans lengthens it by itself while
    /// the probing silo is overloaded, so a busy node does not vote a healthy one dead.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00")]
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(2);
}
