using Microsoft.AspNetCore.Identity;
using Parley.Domain.Tenants;

namespace Parley.Data.Entities;

/// <summary>A named set of permissions inside one tenant; built-in roles are read-only, custom roles are the tenant's own.</summary>
public sealed class ParleyRole : IdentityRole<Guid>, ITenantOwned, IVersioned
{
    public Guid TenantId { get; set; }

    public string Description { get; set; } = "";

    public bool IsBuiltIn { get; set; }

    /// <summary>Permission names separated by single spaces, in catalogue order.</summary>
    public string PermissionList { get; set; } = "";

    public long Version { get; set; }

    public IReadOnlyList<string> GetPermissions() => PermissionCodec.Split(PermissionList);

    public void SetPermissions(IEnumerable<string> permissions) => PermissionList = PermissionCodec.Join(permissions);
}
