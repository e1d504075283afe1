using Microsoft.AspNetCore.Identity;
using Parley.Domain.Tenants;

namespace Parley.Data.Entities;

/// <summary>A person who signs in to a tenant: admin, supervisor, inspector or agent. User names are unique per tenant.</summary>
public sealed class ParleyUser : IdentityUser<Guid>, ITenantOwned, IVersioned
{
    public Guid TenantId { get; set; }

    public string DisplayName { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public long Version { get; set; }
}
