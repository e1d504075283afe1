using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using Parley.Cluster.Routing.Ports;

namespace Parley.Cluster.Tests.Support;

/// <summary>Every test silo shares the same store and publisher, like silos sharing one database.</summary>
public sealed class TestSiloConfigurator : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder) => siloBuilder.ConfigureServices(services =>
    {
        services.AddParleyCluster();
        services.AddSingleton<IRoutingStore>(InMemoryRoutingStore.Shared);
        services.AddSingleton<IRoutingEventPublisher>(RecordingPublisher.Shared);
        services.AddSingleton<ITenantTimeZoneSource>(InMemoryTimeZones.Shared);
        services.AddSingleton<ITenantPlanSource>(InMemoryPlans.Shared);
        services.AddSingleton(TimeProvider.System);
    });
}
