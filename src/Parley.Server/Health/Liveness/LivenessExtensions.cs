using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting.Systemd;
using Parley.Server.Options.Validation;

namespace Parley.Server.Health.Liveness;

/// <summary>Liveness of the main loops: probes, their monitor, the <c>live</c> health check and the systemd integration.</summary>
internal static class LivenessExtensions
{
    public static IServiceCollection AddParleyLiveness(this IServiceCollection services)
    {
        services.AddValidatedOptions<LivenessOptions, LivenessOptionsValidator>(LivenessOptions.Section);
        services.AddSingleton<ILivenessProbe, MediaClockProbe>();
        services.AddSingleton<ILivenessProbe, SipReceiveProbe>();
        services.AddSingleton<ILivenessProbe, RoutingProbe>();
        services.AddSingleton<LivenessMonitor>();
        services.AddHostedService(sp => sp.GetRequiredService<LivenessMonitor>());

        // READY=1 once started and STOPPING=1 on shutdown under a Type=notify unit; a no-op elsewhere.
        // The notifier is registered here too, so the watchdog also works when systemd is not the direct parent.
        services.AddSystemd();
        services.TryAddSingleton<ISystemdNotifier, SystemdNotifier>();
        services.AddHostedService<SystemdWatchdog>();
        services.AddHealthChecks().AddCheck<MainLoopsHealthCheck>("main-loops", HealthStatus.Unhealthy, ["live"]);
        return services;
    }
}
