using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Parley.Cluster.Routing;
using Parley.Server.Tests.Support;

namespace Parley.Server.Tests.Cluster;

/// <summary>Where a tenant's routing grain runs in a <see cref="TwoNodeCluster"/>, so a test can act on one node and watch the other.</summary>
public static class ClusterGrains
{
    public static SiloAddress SiloOf(ParleyAppFactory node) => node.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;

    public static async Task<SiloAddress> HostOfAsync(ParleyAppFactory node, Guid tenant)
    {
        var grains = node.Services.GetRequiredService<IGrainFactory>();
        var grainId = grains.GetGrain<ITenantRoutingGrain>(tenant).GetGrainId();
        var statistics = await grains.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        return statistics.Single(s => s.GrainId == grainId).SiloAddress;
    }

    /// <summary>Activates the tenant's grain (asking it for its agents through node A) and answers (the node hosting it, the other one).</summary>
    public static async Task<(ClusterNodeFactory Hosting, ClusterNodeFactory Away)> SplitAsync(TwoNodeCluster cluster, Guid tenant)
    {
        await cluster.A.Services.GetRequiredService<IGrainFactory>().GetGrain<ITenantRoutingGrain>(tenant).GetAgents();
        var host = await HostOfAsync(cluster.A, tenant);
        return host.Equals(SiloOf(cluster.A)) ? (cluster.A, cluster.B) : (cluster.B, cluster.A);
    }
}
