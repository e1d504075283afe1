using Parley.Domain.Tenants;

namespace Parley.Server.Api.TenantSettings;

/// <summary>The caller's own tenant's settings; <see cref="TimeZone"/> is the IANA zone whose midnight starts "today".</summary>
public sealed record TenantSettingsDto(string Slug, string Name, string TimeZone, long Version)
{
    public static TenantSettingsDto From(Tenant t) => new(t.Slug, t.Name, t.TimeZone, t.Version);
}
