namespace Parley.Server.Options;

/// <summary><c>Parley:Cluster</c>: the embedded Orleans silo (localhost clustering, in-memory grain state).</summary>
public sealed class ClusterHostOptions
{
    public const string Section = "Parley:Cluster";

    /// <summary>
    /// Silo-to-silo port on loopback. Default 0: a free port is picked at start, so several servers (or test hosts)
    /// can run on one machine; set a fixed one when silos must find each other.
    /// </summary>
    public int SiloPort { get; set; }

    public string ClusterId { get; set; } = "parley";

    public string ServiceId { get; set; } = "parley";
}
