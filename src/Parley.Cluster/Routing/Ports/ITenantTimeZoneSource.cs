namespace Parley.Cluster.Routing.Ports;

/// <summary>
/// Where the routing grain reads the tenant's time zone (an IANA id), whose local midnight starts "today" for queue
/// statistics. Read at activation and on <see cref="ITenantRoutingGrain.RefreshTimeZone"/>. Implemented by the
/// host; without one, every tenant's day is UTC.
/// </summary>
public interface ITenantTimeZoneSource
{
    /// <summary>The tenant's zone id, or null when the tenant has none (UTC).</summary>
    Task<string?> LoadTimeZoneAsync(Guid tenantId, CancellationToken cancellationToken);
}
