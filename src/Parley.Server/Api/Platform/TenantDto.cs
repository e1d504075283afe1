using Parley.Domain.Tenants;

namespace Parley.Server.Api.Platform;

/// <summary>A tenant as the platform operator sees it; <see cref="TimeZone"/> is the IANA zone of its "today".</summary>
public sealed record TenantDto(Guid Id, string Slug, string Name, TenantStatus Status, DateTimeOffset CreatedAt, long Version, string TimeZone)
{
    public static TenantDto From(Tenant t) => new(t.Id, t.Slug, t.Name, t.Status, t.CreatedAt, t.Version, t.TimeZone);
}
