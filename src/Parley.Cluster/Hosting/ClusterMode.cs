namespace Parley.Cluster.Hosting;

/// <summary>How a node's silo finds the others: <c>Parley:Cluster:Mode</c>.</summary>
public enum ClusterMode
{
    /// <summary>One node: Orleans' localhost clustering on loopback (the embedded default).</summary>
    Localhost,

    /// <summary>Several nodes: membership and reminders in a shared PostgreSQL database (Orleans' ADO.NET providers).</summary>
    AdoNet,
}
