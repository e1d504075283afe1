using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Parley.Cluster.Routing;

namespace Parley.Cluster;

/// <summary>Registers what the grains of <c>Parley.Cluster</c> need besides the ports the host implements.</summary>
public static class ClusterServiceExtensions
{
    /// <summary>
    /// Binds <see cref="RoutingHostOptions"/> from <c>Parley:Routing</c>. The host must also register an
    /// <see cref="Routing.Ports.IRoutingStore"/> and an <see cref="Routing.Ports.IRoutingEventPublisher"/>; it may
    /// register an <see cref="Routing.Ports.ITenantTimeZoneSource"/> (default: every tenant's day is UTC) and an
    /// <see cref="Routing.Ports.ITenantPlanSource"/> (default: seats are not limited) and <see cref="Nodes.INodeCaches"/>
    /// (default: none) and <see cref="Nodes.INodeControl"/> (default: a node that cannot drain). The silo must add <see cref="Nodes.NodePlacementDirector"/> for <see cref="Nodes.NodePlacement"/>.
    /// </summary>
    public static IServiceCollection AddParleyCluster(this IServiceCollection services)
    {
        services.AddOptions<RoutingHostOptions>().BindConfiguration(RoutingHostOptions.Section)
            .Validate(o => o.Heartbeat >= TimeSpan.FromMilliseconds(10) && o.Heartbeat <= TimeSpan.FromMinutes(1), "Parley:Routing:Heartbeat must be between 10 ms and 1 minute.")
            .Validate(o => o.AutoNotReadyAfterMissedOffers is >= 0 and <= 100, "Parley:Routing:AutoNotReadyAfterMissedOffers must be 0–100.")
            .ValidateOnStart();
        services.TryAddSingleton<Routing.Ports.ITenantTimeZoneSource, UtcTimeZoneSource>();
        services.TryAddSingleton<Routing.Ports.ITenantPlanSource, UnlimitedPlanSource>();
        services.TryAddSingleton<Nodes.INodeCaches, Nodes.NoNodeCaches>();
        services.TryAddSingleton<Nodes.INodeControl, Nodes.NoNodeControl>();
        services.TryAddSingleton<Nodes.NodeBroadcast>();
        services.TryAddSingleton<Nodes.NodeRoster>();
        return services;
    }
}
