using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Parley.Server.Extensions;

namespace Parley.Server.Tests.Cluster;

/// <summary>How a node reads its cluster settings: every problem named by its key, before the silo is built.</summary>
public sealed class ClusterTopologyTests
{
    [Fact]
    public void ByDefault_ANodeRunsAlone_WithNoBackplane()
    {
        var topology = ClusterTopology.Read(Settings());
        Assert.Null(topology.AdoNet);
        Assert.Null(topology.Redis);
    }

    [Fact]
    public void AdoNet_OnSqlite_WithoutAnAddress_ReportsEveryProblemByItsKey()
    {
        var error = Assert.Throws<OptionsValidationException>(() => ClusterTopology.Read(Settings(("Parley:Cluster:Mode", "AdoNet"))));
        Assert.Contains(error.Failures, f => f.Contains("Parley:Database:Provider=Postgres", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("ConnectionStrings:ParleyCluster", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("Parley:Cluster:AdvertisedAddress", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("node-1.example")]
    public void AdoNet_RefusesAWildcardOrANameAsTheAdvertisedAddress(string address)
    {
        var error = Assert.Throws<OptionsValidationException>(() => ClusterTopology.Read(Postgres(("Parley:Cluster:AdvertisedAddress", address))));
        Assert.Contains("Parley:Cluster:AdvertisedAddress", Assert.Single(error.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public void AdoNet_RefusesTheSamePortForSiloAndGateway()
    {
        var error = Assert.Throws<OptionsValidationException>(() => ClusterTopology.Read(Postgres(
            ("Parley:Cluster:AdvertisedAddress", "10.0.0.11"), ("Parley:Cluster:SiloPort", "11111"), ("Parley:Cluster:GatewayPort", "11111"))));
        Assert.Contains("Parley:Cluster:GatewayPort", Assert.Single(error.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public void AdoNet_UsesParleysDatabase_UnlessTheClusterHasItsOwn()
    {
        var shared = ClusterTopology.Read(Postgres(("Parley:Cluster:AdvertisedAddress", "10.0.0.11"), ("Parley:Cluster:SiloPort", "11111")));
        Assert.Equal("Host=db;Database=parley", shared.AdoNet!.ConnectionString);
        Assert.Equal(11111, shared.AdoNet.SiloPort);
        Assert.Equal("10.0.0.11", shared.AdoNet.AdvertisedAddress.ToString());

        var own = ClusterTopology.Read(Postgres(("Parley:Cluster:AdvertisedAddress", "10.0.0.11"), ("Parley:Cluster:SiloPort", "11111"), ("ConnectionStrings:ParleyCluster", "Host=members;Database=orleans")));
        Assert.Equal("Host=members;Database=orleans", own.AdoNet!.ConnectionString);
    }

    [Fact]
    public void ARedisSetting_TurnsOnTheBackplane()
    {
        Assert.Equal("127.0.0.1:6379", ClusterTopology.Read(Settings(("Parley:Redis", "127.0.0.1:6379"))).Redis);
    }

    private static IConfiguration Postgres(params (string Key, string Value)[] extra) => Settings(
        [("Parley:Cluster:Mode", "AdoNet"), ("Parley:Database:Provider", "Postgres"), ("ConnectionStrings:Parley", "Host=db;Database=parley"), .. extra]);

    private static IConfiguration Settings(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();
}
