using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Data.Entities;
using Parley.Server.Api.Conventions;
using Parley.Server.Auth;

namespace Parley.Server.Api.Users;

/// <summary>Checks that roles to assign exist in the tenant and grant nothing the acting user does not hold.</summary>
internal static class RoleGrants
{
    public static async Task<IResult?> CheckAsync(ParleyDbContext db, CurrentActor actor, IReadOnlyList<string> roleNames, CancellationToken cancellationToken)
    {
        var roles = await db.Roles.Where(r => roleNames.Contains(r.Name!)).ToListAsync(cancellationToken);
        var unknown = roleNames.Except(roles.Select(r => r.Name!), StringComparer.Ordinal).ToArray();
        if (unknown.Length > 0)
        {
            return ApiProblems.Invalid("roles", "Unknown roles: " + string.Join(", ", unknown));
        }

        var missing = actor.MissingFrom(roles.SelectMany(r => PermissionCodec.Split(r.PermissionList)));
        return missing.Count > 0 ? ApiProblems.CannotGrant(missing) : null;
    }
}
