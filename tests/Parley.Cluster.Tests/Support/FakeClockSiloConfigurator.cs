using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using Parley.Cluster.Routing.Ports;

namespace Parley.Cluster.Tests.Support;

/// <summary>
/// Like <see cref="TestSiloConfigurator"/>, but the grains read <see cref="SwitchableClock"/>, the fake clock of the
/// running test; the silo's own maintenance keeps real time (as in the server).
/// </summary>
public sealed class FakeClockSiloConfigurator : ISiloConfigurator
{
    private static readonly string[] RuntimeClocks =
    [
        Orleans.Runtime.TimeProviderNames.Messaging,
        Orleans.Runtime.TimeProviderNames.SystemTimers,
        Orleans.Runtime.TimeProviderNames.Membership,
        Orleans.Runtime.TimeProviderNames.ActivationManagement,
        Orleans.Runtime.TimeProviderNames.GrainDirectory,
    ];

    public void Configure(ISiloBuilder siloBuilder) => siloBuilder.ConfigureServices(services =>
    {
        foreach (var key in RuntimeClocks)
        {
            services.AddKeyedSingleton(key, TimeProvider.System);
        }

        services.AddParleyCluster();
        services.AddSingleton<IRoutingStore>(InMemoryRoutingStore.Shared);
        services.AddSingleton<IRoutingEventPublisher>(RecordingPublisher.Shared);
        services.AddSingleton<ITenantTimeZoneSource>(InMemoryTimeZones.Shared);
        services.AddSingleton<ITenantPlanSource>(InMemoryPlans.Shared);
        services.AddSingleton<TimeProvider>(SwitchableClock.Instance);
    });
}
