using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Parley.Sip.Stack;

namespace Parley.Server.Sip;

/// <summary>Ready once the SIP listeners are bound (or when SIP is disabled); lists them in the report data.</summary>
internal sealed class SipListenersHealthCheck(IServiceProvider services, IOptions<SipHostOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!options.Value.Enabled)
        {
            return Task.FromResult(HealthCheckResult.Healthy("SIP is disabled."));
        }

        var listeners = services.GetRequiredService<SipStack>().Listeners;
        if (listeners.Count == 0)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The SIP listeners are not bound."));
        }

        var data = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var listener in listeners)
        {
            data[listener.Transport] = listener.EndPoint.ToString();
        }

        return Task.FromResult(HealthCheckResult.Healthy($"{listeners.Count} SIP listeners", data));
    }
}
