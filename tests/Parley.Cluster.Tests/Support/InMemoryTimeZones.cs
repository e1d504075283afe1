using System.Collections.Concurrent;
using Parley.Cluster.Routing.Ports;

namespace Parley.Cluster.Tests.Support;

/// <summary>The tenants' time zone settings as the test sets them (the tenants table of these tests); unset = none.</summary>
public sealed class InMemoryTimeZones : ITenantTimeZoneSource
{
    private readonly ConcurrentDictionary<Guid, string> _zones = new();

    public static InMemoryTimeZones Shared { get; } = new();

    public void Set(Guid tenantId, string zoneId) => _zones[tenantId] = zoneId;

    public Task<string?> LoadTimeZoneAsync(Guid tenantId, CancellationToken cancellationToken) =>
        Task.FromResult(_zones.TryGetValue(tenantId, out var zone) ? zone : null);
}
