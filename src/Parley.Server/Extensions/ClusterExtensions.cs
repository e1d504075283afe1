using System.Net;
using System.Net.Sockets;
using Orleans.Configuration;
using Parley.Cluster;
using Parley.Cluster.Routing.Ports;
using Parley.Server.Options;
using Parley.Server.Routing;

namespace Parley.Server.Extensions;

/// <summary>Hosts the Orleans silo (routing grains) in the server and wires the grains' ports to EF and SignalR.</summary>
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
        var options = builder.Configuration.GetSection(ClusterHostOptions.Section).Get<ClusterHostOptions>() ?? new ClusterHostOptions();
        var siloPort = options.SiloPort == 0 ? FreeLoopbackPort() : options.SiloPort;
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(siloPort: siloPort, gatewayPort: 0, serviceId: options.ServiceId, clusterId: options.ClusterId);
            silo.Configure<EndpointOptions>(o => o.GatewayPort = 0);
            silo.AddMemoryGrainStorageAsDefault();
        });

        var services = builder.Services;

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
        services.AddSingleton<RoutingEventDispatcher>();
        services.AddSingleton<IRoutingEventPublisher>(sp => sp.GetRequiredService<RoutingEventDispatcher>());
        services.AddHostedService(sp => sp.GetRequiredService<RoutingEventDispatcher>());
        services.AddScoped<RoutingGateway>();
        services.AddSingleton<AgentEventSubscriptions>();
        services.AddSingleton<TenantEventSubscriptions>();
        services.AddSignalR();
        return builder;
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
