using Parley.Cluster.Routing.Ports;

namespace Parley.Cluster.Routing;

/// <summary>The default when the host registers no <see cref="ITenantTimeZoneSource"/>: every tenant's day is UTC.</summary>
internal sealed class UtcTimeZoneSource : ITenantTimeZoneSource
{
    public Task<string?> LoadTimeZoneAsync(Guid tenantId, CancellationToken cancellationToken) => Task.FromResult<string?>(null);
}
