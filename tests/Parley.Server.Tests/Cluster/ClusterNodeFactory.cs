using Parley.Server.Tests.Support;

namespace Parley.Server.Tests.Cluster;

/// <summary>
/// One node of a Parley cluster: PostgreSQL shared with the other nodes, cluster mode AdoNet on loopback, the Redis
/// backplane (when given), the public URL they share behind a load balancer (when given: it is their tokens' issuer), and the data directory the nodes share (keys, demo secrets), as <c>eng/cluster.sh</c> runs them.
/// </summary>
public sealed class ClusterNodeFactory(string connectionString, string clusterId, string? redis, string sharedDataDirectory, string nodeId, string? publicUrl = null) : ParleyAppFactory
{
    protected override TimeProvider Clock => TimeProvider.System;

    /// <summary>The settings of a node of this cluster with id <paramref name="node"/> (also for a node in its own process).</summary>
    public IEnumerable<KeyValuePair<string, string>> NodeSettings(string node) =>
    [
        new("Parley:DataDirectory", sharedDataDirectory),
        new("Parley:NodeId", node),
        new("Parley:Database:Provider", "Postgres"),
        new("ConnectionStrings:Parley", connectionString),
        new("Parley:Cluster:Mode", "AdoNet"),
        new("Parley:Cluster:AdvertisedAddress", "127.0.0.1"),
        new("Parley:Cluster:ClusterId", clusterId),
        .. redis is null ? [] : new KeyValuePair<string, string>[] { new("Parley:Redis", redis) },
        .. publicUrl is null ? [] : new KeyValuePair<string, string>[] { new("Parley:PublicUrl", publicUrl) },
    ];

    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings => NodeSettings(nodeId);
}
