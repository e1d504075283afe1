using Parley.Domain.Tenants;

namespace Parley.Server.Api.Platform;

public sealed record TenantDto(Guid Id, string Slug, string Name, TenantStatus Status, DateTimeOffset CreatedAt, long Version)
{
    public static TenantDto From(Tenant t) => new(t.Id, t.Slug, t.Name, t.Status, t.CreatedAt, t.Version);
}
