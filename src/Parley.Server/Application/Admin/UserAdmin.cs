using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Data.Entities;
using Parley.Data.Tenancy;
using Parley.Domain.Security;
using Parley.Server.Api.Conventions;
using Parley.Server.Api.Users;
using Parley.Server.Audit;
using Parley.Server.Auth;

namespace Parley.Server.Application.Admin;

/// <summary>
/// The people of a tenant and their roles, for <c>/api/v1/users</c> and the console's <c>/admin/users</c>: list (filtered,
/// sorted, windowed by the database), read, create, update with the version read, delete. Needs <c>users.read</c>/
/// <c>users.write</c>; roles given must exist and grant nothing the actor lacks, and acting on a user needs every permission
/// that user holds. Identity's steps of one change run in one transaction.
/// </summary>
internal sealed class UserAdmin(ParleyDbContext db, TenantContext tenant, UserManager<ParleyUser> users, AuditScope audit, TimeProvider time)
{
    public async Task<AppResult<ListPage<UserDto>>> ListAsync(CurrentActor actor, ListQuery query, CancellationToken ct)
    {
        if (tenant.Require(actor, Permissions.UsersRead) is { } refused)
        {
            return refused;
        }

        var rows = db.Users.AsNoTracking();
        if (query.Needle is { } needle)
        {
            rows = rows.Where(u => u.NormalizedUserName!.ToLower().Contains(needle) || u.DisplayName.ToLower().Contains(needle)
                || (u.Email != null && u.Email.ToLower().Contains(needle)));
        }

        var sorted = query.Sort switch
        {
            "displayName" => rows.SortBy(u => u.DisplayName, query.Descending).ThenBy(u => u.NormalizedUserName),
            "email" => rows.SortBy(u => u.Email, query.Descending).ThenBy(u => u.NormalizedUserName),
            _ => rows.SortBy(u => u.NormalizedUserName, query.Descending),
        };
        var page = await sorted.ToListPageAsync(query, u => u, ct);
        var ids = page.Items.Select(u => u.Id).ToArray();
        var roles = await RoleNamesAsync(ids, ct);
        var now = time.GetUtcNow();
        return AppResult<ListPage<UserDto>>.Ok(new ListPage<UserDto>(page.Items.Select(u => UserDto.From(u, roles.GetValueOrDefault(u.Id) ?? [], now)).ToArray(), page.Total));
    }

    public async Task<AppResult<UserDto>> GetAsync(CurrentActor actor, Guid id, CancellationToken ct)
    {
        if (tenant.Require(actor, Permissions.UsersRead) is { } refused)
        {
            return refused;
        }

        if (await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, ct) is not { } user)
        {
            return AppError.NotFound();
        }

        var roles = await RoleNamesAsync([id], ct);
        return AppResult<UserDto>.Ok(UserDto.From(user, roles.GetValueOrDefault(id) ?? [], time.GetUtcNow()));
    }

    /// <summary>The tenant's roles a user form offers, each marked whether the actor may give it.</summary>
    public async Task<AppResult<IReadOnlyList<GrantChoice>>> RoleChoicesAsync(CurrentActor actor, CancellationToken ct)
    {
        if (tenant.Require(actor, Permissions.UsersRead) is { } refused)
        {
            return refused;
        }

        var roles = await db.Roles.AsNoTracking().OrderBy(r => r.Name).ToListAsync(ct);
        IReadOnlyList<GrantChoice> choices = roles.Select(r => new GrantChoice(r.Name!, r.Description, actor.MissingFrom(r.GetPermissions()).Count == 0)).ToArray();
        return AppResult<IReadOnlyList<GrantChoice>>.Ok(choices);
    }

    public async Task<AppResult<UserDto>> CreateAsync(CurrentActor actor, CreateUserRequest request, CancellationToken ct)
    {
        var roles = request.Roles ?? [];
        if ((tenant.Require(actor, Permissions.UsersWrite) ?? RequestChecks.Check(request) ?? await CheckGrantAsync(actor, roles, ct)) is { } refused)
        {
            return refused;
        }

        var user = new ParleyUser
        {
            Id = Guid.CreateVersion7(),
            TenantId = actor.TenantId,
            UserName = request.UserName,
            DisplayName = string.IsNullOrWhiteSpace(request.DisplayName) ? request.UserName : request.DisplayName,
            Email = string.IsNullOrWhiteSpace(request.Email) ? null : request.Email,
            CreatedAt = time.GetUtcNow(),
        };
        var created = await IdentitySteps.RunAsync(
            db,
            ct,
            () => users.CreateAsync(user, request.Password),
            () => roles.Count > 0 ? users.AddToRolesAsync(user, roles) : Task.FromResult(IdentityResult.Success));
        if (IdentityErrors.From(created) is { } invalid)
        {
            return invalid;
        }

        audit.Target("user", user.Id).Describe($"created user '{user.UserName}' with roles [{string.Join(", ", roles)}]");
        return AppResult<UserDto>.Ok(UserDto.From(user, roles, time.GetUtcNow()));
    }

    /// <summary>Replaces the user's name, e-mail and roles (and resets the password when given) if still at <paramref name="expectedVersion"/>.</summary>
    public async Task<AppResult<UserDto>> UpdateAsync(CurrentActor actor, Guid id, long? expectedVersion, UpdateUserRequest request, CancellationToken ct)
    {
        if ((tenant.Require(actor, Permissions.UsersWrite) ?? RequestChecks.Check(request)) is { } refused)
        {
            return refused;
        }

        if (await users.FindByIdAsync(id.ToString()) is not { } user)
        {
            return AppError.NotFound();
        }

        if (expectedVersion is { } version && version != user.Version)
        {
            return AppError.Stale();
        }

        if ((await CheckCanActOnAsync(actor, user.Id, ct) ?? await CheckGrantAsync(actor, request.Roles, ct)) is { } above)
        {
            return above;
        }

        var updated = await IdentitySteps.RunAsync(db, ct, UserUpdate.Steps(users, user, request));
        if (IdentityErrors.From(updated) is { } invalid)
        {
            return invalid;
        }

        audit.Target("user", user.Id).Describe(
            $"updated user '{user.UserName}': roles [{string.Join(", ", request.Roles)}]{(request.NewPassword is null ? "" : ", password reset")}");
        return AppResult<UserDto>.Ok(UserDto.From(user, request.Roles, time.GetUtcNow()));
    }

    public async Task<AppResult<Done>> DeleteAsync(CurrentActor actor, Guid id, CancellationToken ct)
    {
        if (tenant.Require(actor, Permissions.UsersWrite) is { } refused)
        {
            return refused;
        }

        if (await users.FindByIdAsync(id.ToString()) is not { } user)
        {
            return AppError.NotFound();
        }

        if (actor.ActorId == user.Id.ToString())
        {
            return AppError.Conflict("You cannot delete yourself.");
        }

        if (await CheckCanActOnAsync(actor, user.Id, ct) is { } above)
        {
            return above;
        }

        if (IdentityErrors.From(await users.DeleteAsync(user)) is { } invalid)
        {
            return invalid;
        }

        audit.Target("user", user.Id).Describe($"deleted user '{user.UserName}'");
        return AppResult<Done>.Ok(Done.Value);
    }

    private async Task<AppError?> CheckGrantAsync(CurrentActor actor, IReadOnlyList<string> roleNames, CancellationToken ct)
    {
        var roles = await db.Roles.Where(r => roleNames.Contains(r.Name!)).ToListAsync(ct);
        var unknown = roleNames.Except(roles.Select(r => r.Name!), StringComparer.Ordinal).ToArray();
        if (unknown.Length > 0)
        {
            return AppError.Invalid("roles", "Unknown roles: " + string.Join(", ", unknown));
        }

        var missing = actor.MissingFrom(roles.SelectMany(r => r.GetPermissions()));
        return missing.Count > 0 ? AppError.CannotGrant(missing) : null;
    }

    /// <summary>Refuses unless <paramref name="actor"/> holds every permission <paramref name="userId"/> holds through its roles.</summary>
    public async Task<AppError?> CheckCanActOnAsync(CurrentActor actor, Guid userId, CancellationToken ct)
    {
        var lists = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ur.UserId == userId
                           select r.PermissionList).ToListAsync(ct);
        var missing = actor.MissingFrom(lists.SelectMany(PermissionCodec.Split));
        return missing.Count > 0 ? AppError.CannotActOn(missing) : null;
    }

    private async Task<Dictionary<Guid, string[]>> RoleNamesAsync(Guid[] userIds, CancellationToken ct)
    {
        var pairs = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where userIds.Contains(ur.UserId)
                           select new { ur.UserId, r.Name }).ToListAsync(ct);
        return pairs.GroupBy(p => p.UserId).ToDictionary(g => g.Key, g => g.Select(p => p.Name!).Order(StringComparer.Ordinal).ToArray());
    }
}
