using Parley.Server.Tests.Support;

namespace Parley.Server.Tests.Cluster;

/// <summary>
/// One node of a Parley cluster: PostgreSQL shared with the other nodes, cluster mode AdoNet on loopback, the Redis
/// backplane, and the data directory the nodes share (keys, demo secrets), as <c>eng/cluster.sh</c> runs them.
/// </summary>
public sealed class ClusterNodeFactory(string connectionString, string clusterId, string redis, string sharedDataDirectory, string nodeId) : ParleyAppFactory
{
    protected override TimeProvider Clock => TimeProvider.System;

    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings =>
    [
        new("Parley:DataDirectory", sharedDataDirectory),
        new("Parley:NodeId", nodeId),
        new("Parley:Database:Provider", "Postgres"),
        new("ConnectionStrings:Parley", connectionString),
        new("Parley:Cluster:Mode", "AdoNet"),
        new("Parley:Cluster:AdvertisedAddress", "127.0.0.1"),
        new("Parley:Cluster:ClusterId", clusterId),
        new("Parley:Redis", redis),
    ];
}
