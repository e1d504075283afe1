using Parley.Cluster.Routing;
using Parley.Domain.Tenants;
using Parley.Server.Api.Conventions;

namespace Parley.Server.Tenants;

/// <summary>What the tenant APIs share about the time zone setting: validation and telling routing it changed.</summary>
public static class TenantTimeZones
{
    /// <summary>Null when <paramref name="id"/> is a zone this system knows; else a 400 problem on <c>timeZone</c>.</summary>
    public static IResult? Validate(string? id) =>
        TenantTimeZone.TryFind(id, out _)
            ? null
            : ApiProblems.Invalid("timeZone", $"Unknown time zone '{id}': use an IANA id such as 'Asia/Shanghai' or 'America/New_York'.");

    /// <summary>
    /// Makes the tenant's routing grain re-read its zone (call after the change is saved): "today" then ends at the
    /// new zone's next local midnight.
    /// </summary>
    public static Task RefreshRoutingAsync(IGrainFactory grains, Guid tenantId) =>
        grains.GetGrain<ITenantRoutingGrain>(tenantId).RefreshTimeZone();
}
