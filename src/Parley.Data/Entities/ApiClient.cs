using Parley.Domain.Tenants;

namespace Parley.Data.Entities;

/// <summary>
/// A PaaS application of one tenant that gets OAuth2 client-credentials tokens. The secret itself is held
/// (hashed) by the OpenIddict application with the same <see cref="ClientId"/>.
/// </summary>
public sealed class ApiClient : ITenantOwned, IVersioned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public required string ClientId { get; set; }

    public required string Name { get; set; }

    public string PermissionList { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public long Version { get; set; }

    public IReadOnlyList<string> GetPermissions() => PermissionCodec.Split(PermissionList);
}
