using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Data.Entities;
using Parley.Server.Api.Conventions;
using Parley.Server.Auth;

namespace Parley.Server.Api.Users;

/// <summary>
/// The privilege rule between users: roles to assign must exist in the tenant and grant nothing the acting user does
/// not hold, and acting on a user (change, reset password, delete, unlock) needs every permission that user holds.
/// </summary>
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

    /// <summary>403 unless <paramref name="actor"/> holds every permission <paramref name="userId"/> holds through its roles.</summary>
    public static async Task<IResult?> CheckCanActOnAsync(ParleyDbContext db, CurrentActor actor, Guid userId, CancellationToken cancellationToken)
    {
        var lists = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ur.UserId == userId
                           select r.PermissionList).ToListAsync(cancellationToken);
        var missing = actor.MissingFrom(lists.SelectMany(PermissionCodec.Split));
        return missing.Count > 0 ? ApiProblems.CannotActOn(missing) : null;
    }
}
