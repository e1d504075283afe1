using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Parley.Data;
using Parley.Data.Entities;

namespace Parley.Server.Auth;

/// <summary>
/// Puts tenant and permission claims into the sign-in cookie. Permissions are the union of the user's roles; the
/// security-stamp check rebuilds them, so role changes reach signed-in users within the validation interval.
/// </summary>
internal sealed class ParleyUserClaimsFactory(
    UserManager<ParleyUser> users,
    RoleManager<ParleyRole> roles,
    IOptions<IdentityOptions> options,
    ParleyDbContext db)
    : UserClaimsPrincipalFactory<ParleyUser, ParleyRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ParleyUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        var slug = await db.Tenants.Where(t => t.Id == user.TenantId).Select(t => t.Slug).SingleAsync();
        identity.AddClaim(new Claim(ParleyClaims.TenantId, user.TenantId.ToString()));
        identity.AddClaim(new Claim(ParleyClaims.TenantSlug, slug));
        identity.AddClaim(new Claim(ParleyClaims.ActorType, ParleyClaims.ActorUser));

        var roleNames = await UserManager.GetRolesAsync(user);
        var permissionLists = await db.Roles
            .Where(r => r.TenantId == user.TenantId && roleNames.Contains(r.Name!))
            .Select(r => r.PermissionList)
            .ToListAsync();
        foreach (var permission in permissionLists.SelectMany(PermissionCodec.Split).Distinct(StringComparer.Ordinal))
        {
            identity.AddClaim(new Claim(ParleyClaims.Permission, permission));
        }

        return identity;
    }
}
