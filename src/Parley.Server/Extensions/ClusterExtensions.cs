using System.Net;
using Orleans.Configuration;
using Parley.Cluster;
using Parley.Cluster.Hosting;
using Parley.Cluster.Routing.Ports;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using Parley.Server.Options;
using Parley.Server.Relay;
using Parley.Server.Routing;
using StackExchange.Redis;

namespace Parley.Server.Extensions;

/// <summary>
/// Hosts the Orleans silo (routing grains) in the server — alone on loopback, or one node of a PostgreSQL-backed
/// cluster — and wires the grains' ports to EF and SignalR (with the Redis backplane when <c>Parley:Redis</c> is set).
/// </summary>
internal static class ClusterExtensions
{
    private static readonly string[] RuntimeClocks =
    [
        Orleans.Runtime.TimeProviderNames.Messaging,
        Orleans.Runtime.TimeProviderNames.SystemTimers,
        Orleans.Runtime.TimeProviderNames.Membership,
        Orleans.Runtime.TimeProviderNames.ActivationManagement,
        Orleans.Runtime.TimeProviderNames.GrainDirectory,
    ];

    public static WebApplicationBuilder AddParleyCluster(this WebApplicationBuilder builder)
    {
        var topology = ClusterTopology.Read(builder.Configuration);
        var options = topology.Options;
        builder.UseOrleans(silo =>
        {
            if (topology.AdoNet is { } adoNet)
            {
                silo.UseParleyAdoNetClustering(adoNet);
                silo.Configure<ClusterMembershipOptions>(o => o.ProbeTimeout = options.ProbeTimeout);
            }
            else
            {
                var siloPort = options.SiloPort == 0 ? ClusterTopology.FreePort(IPAddress.Loopback) : options.SiloPort;
                silo.UseLocalhostClustering(siloPort: siloPort, gatewayPort: 0, serviceId: options.ServiceId, clusterId: options.ClusterId);
                silo.Configure<EndpointOptions>(o => o.GatewayPort = 0);
            }

            // Grains keep no state of their own: they rebuild from Parley's records on activation, on any node.
            silo.AddMemoryGrainStorageAsDefault();
            silo.AddPlacementDirector<Parley.Cluster.Nodes.NodePlacement, Parley.Cluster.Nodes.NodePlacementDirector>();
        });

        var services = builder.Services;
        services.AddSingleton(topology);

        // A silo is named after its node id, the id call records carry, so a survivor knows whose calls died with it.
        services.AddOptions<SiloOptions>().Configure<Parley.Voice.Nodes.IVoiceNode>((o, node) => o.SiloName = node.Id);

        // The silo's own maintenance (messaging, membership, directory) always runs on real time, even when tests
        // give the application a fake clock; grain timers follow the application's clock.
        foreach (var key in RuntimeClocks)
        {
            services.AddKeyedSingleton(key, TimeProvider.System);
        }

        services.AddParleyCluster();
        services.AddSingleton<IRoutingStore, EfRoutingStore>();
        services.AddSingleton<ITenantTimeZoneSource, Tenants.EfTenantTimeZoneSource>();
        services.AddSingleton<ITenantPlanSource, Tenants.EfTenantPlanSource>();
        services.AddSingleton<Parley.Cluster.Nodes.INodeCaches, Tenants.PlanCaches>();
        services.AddSingleton<RoutingEventDispatcher>();
        services.AddSingleton<IRoutingEventPublisher>(sp => sp.GetRequiredService<RoutingEventDispatcher>());
        services.AddHostedService(sp => sp.GetRequiredService<RoutingEventDispatcher>());
        services.AddSingleton<TenantRoutingGrains>();
        services.AddScoped<RoutingGateway>();
        services.AddSingleton<AgentEventSubscriptions>();
        services.AddSingleton<TenantEventSubscriptions>();
        services.AddSingleton<LiveRoutingEvents>();
        var signalR = services.AddSignalR();
        if (topology.Redis is not null)
        {
            // One Redis connection per node carries both the SignalR backplane (a message sent to a group or user on one
            // node reaches the connections on every node) and the relay of in-process pushes (workspace circuits,
            // supervisor feeds, chat rooms). Channels are prefixed with the cluster id, so two clusters can share one Redis.
            services.AddSingleton<ClusterBus>();
            services.AddHostedService<RoutingEventRelay>();
            services.AddHostedService<ChatRoomRelay>();
            services.AddHostedService<InternalChatRelay>();
            signalR.AddStackExchangeRedis(o => o.Configuration.ChannelPrefix = RedisChannel.Literal($"parley:{options.ClusterId}"));
            services.AddOptions<RedisOptions>().Configure<ClusterBus>((o, bus) => o.ConnectionFactory = _ => bus.ConnectionAsync());
        }

        return builder;
    }
}
