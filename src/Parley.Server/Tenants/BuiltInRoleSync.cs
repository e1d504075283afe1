using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Data.Entities;
using Parley.Domain.Security;

namespace Parley.Server.Tenants;

/// <summary>
/// Brings every tenant's built-in roles to what <see cref="BuiltInRoles"/> defines today, so a permission added in a
/// release (recordings, monitoring, …) reaches tenants created before it. Built-in roles cannot be edited, so their
/// stored list is only ever this definition.
/// </summary>
internal sealed class BuiltInRoleSync(ParleyDbContext db)
{
    /// <summary>Updates the built-in roles whose permissions differ from the definition; returns how many changed.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var roles = await db.Roles.IgnoreQueryFilters().Where(r => r.IsBuiltIn).ToListAsync(cancellationToken);
        var changed = 0;
        foreach (var role in roles)
        {
            if (Definition(role.Name) is not { } permissions)
            {
                continue;
            }

            var wanted = PermissionCodec.Join(permissions);
            if (role.PermissionList != wanted)
            {
                role.PermissionList = wanted;
                changed++;
            }
        }

        if (changed > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return changed;
    }

    private static IReadOnlyList<string>? Definition(string? roleName) =>
        roleName == BuiltInRoles.PlatformOperator ? BuiltInRoles.ForPlatform
        : roleName is not null && BuiltInRoles.ForTenant.TryGetValue(roleName, out var permissions) ? permissions
        : null;
}
