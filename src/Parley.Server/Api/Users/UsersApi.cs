using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Data.Entities;
using Parley.Domain.Security;
using Parley.Server.Api.Conventions;
using Parley.Server.Audit;
using Parley.Server.Auth;
using Parley.Server.Auth.Guessing;

namespace Parley.Server.Api.Users;

/// <summary><c>/api/v1/users</c>: the people of a tenant and their roles.</summary>
public static class UsersApi
{
    public static RouteGroupBuilder MapUsersApi(this RouteGroupBuilder api)
    {
        var users = api.MapGroup("/users").WithTags("Users");
        users.MapGet("/", ListAsync).RequirePermission(Permissions.UsersRead);
        users.MapGet("/{id:guid}", GetAsync).RequirePermission(Permissions.UsersRead);
        users.MapPost("/", CreateAsync).RequirePermission(Permissions.UsersWrite).Audited("users.create");
        users.MapPut("/{id:guid}", UpdateAsync).RequirePermission(Permissions.UsersWrite).Audited("users.update");
        users.MapDelete("/{id:guid}", DeleteAsync).RequirePermission(Permissions.UsersWrite).Audited("users.delete");
        users.MapPost("/{id:guid}/unlock", UnlockAsync).RequirePermission(Permissions.UsersWrite).Audited("users.unlock");
        return api;
    }

    private static async Task<IResult> ListAsync(ParleyDbContext db, UserManager<ParleyUser> manager, TimeProvider time, [AsParameters] PageRequest page, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var roleNames = await RoleNamesByUserAsync(db, ct);
        return await db.Users.ToPageResultAsync(
            u => u.NormalizedUserName!,
            page,
            u => UserDto.From(u, roleNames.GetValueOrDefault(u.Id) ?? [], now),
            ct);
    }

    private static async Task<IResult> GetAsync(Guid id, HttpContext http, UserManager<ParleyUser> manager, TimeProvider time)
    {
        var user = await manager.FindByIdAsync(id.ToString());
        if (user is null)
        {
            return ApiProblems.NotFound();
        }

        ETags.Set(http, user.Version);
        return TypedResults.Ok(UserDto.From(user, [.. await manager.GetRolesAsync(user)], time.GetUtcNow()));
    }

    private static async Task<IResult> CreateAsync(
        CreateUserRequest request, HttpContext http, ParleyDbContext db, UserManager<ParleyUser> manager, AuditScope audit, TimeProvider time, CancellationToken ct)
    {
        var actor = CurrentActor.Require(http.User);
        var roles = request.Roles ?? [];
        if (await RoleGrants.CheckAsync(db, actor, roles, ct) is { } refused)
        {
            return refused;
        }

        var user = new ParleyUser
        {
            Id = Guid.CreateVersion7(),
            TenantId = actor.TenantId,
            UserName = request.UserName,
            DisplayName = request.DisplayName ?? request.UserName,
            Email = request.Email,
            CreatedAt = time.GetUtcNow(),
        };
        var created = await IdentitySteps.RunAsync(
            db,
            ct,
            () => manager.CreateAsync(user, request.Password),
            () => roles.Count > 0 ? manager.AddToRolesAsync(user, roles) : Task.FromResult(IdentityResult.Success));
        if (!created.Succeeded)
        {
            return IdentityProblems.From(created);
        }

        audit.Target("user", user.Id).Describe($"created user '{user.UserName}' with roles [{string.Join(", ", roles)}]");
        ETags.Set(http, user.Version);
        return TypedResults.Created($"/api/v1/users/{user.Id}", UserDto.From(user, roles, time.GetUtcNow()));
    }

    private static async Task<IResult> UpdateAsync(
        Guid id, UpdateUserRequest request, HttpContext http, ParleyDbContext db, UserManager<ParleyUser> manager, AuditScope audit, TimeProvider time, CancellationToken ct)
    {
        var user = await manager.FindByIdAsync(id.ToString());
        if (user is null)
        {
            return ApiProblems.NotFound();
        }

        if (ETags.CheckIfMatch(http, user.Version) is { } precondition)
        {
            return precondition;
        }

        var actor = CurrentActor.Require(http.User);
        if (await RoleGrants.CheckCanActOnAsync(db, actor, user.Id, ct) is { } above)
        {
            return above;
        }

        if (await RoleGrants.CheckAsync(db, actor, request.Roles, ct) is { } refused)
        {
            return refused;
        }

        var updated = await IdentitySteps.RunAsync(db, ct, UserUpdate.Steps(manager, user, request));
        if (!updated.Succeeded)
        {
            return IdentityProblems.From(updated);
        }

        audit.Target("user", user.Id).Describe(
            $"updated user '{user.UserName}': roles [{string.Join(", ", request.Roles)}]{(request.NewPassword is null ? "" : ", password reset")}");
        ETags.Set(http, user.Version);
        return TypedResults.Ok(UserDto.From(user, request.Roles, time.GetUtcNow()));
    }

    private static async Task<IResult> DeleteAsync(
        Guid id, HttpContext http, ParleyDbContext db, UserManager<ParleyUser> manager, AuditScope audit, CancellationToken ct)
    {
        var user = await manager.FindByIdAsync(id.ToString());
        if (user is null)
        {
            return ApiProblems.NotFound();
        }

        var actor = CurrentActor.Require(http.User);
        if (actor.ActorId == user.Id.ToString())
        {
            return ApiProblems.Conflict("You cannot delete yourself.");
        }

        if (await RoleGrants.CheckCanActOnAsync(db, actor, user.Id, ct) is { } above)
        {
            return above;
        }

        var deleted = await manager.DeleteAsync(user);
        if (!deleted.Succeeded)
        {
            return IdentityProblems.From(deleted);
        }

        audit.Target("user", user.Id).Describe($"deleted user '{user.UserName}'");
        return TypedResults.NoContent();
    }

    /// <summary>Lifts an admin lock and forgets this node's failed sign-ins of the account from every address.</summary>
    private static async Task<IResult> UnlockAsync(
        Guid id, HttpContext http, ParleyDbContext db, UserManager<ParleyUser> manager, GuessBudgets guesses, AuditScope audit, CancellationToken ct)
    {
        var user = await manager.FindByIdAsync(id.ToString());
        if (user is null)
        {
            return ApiProblems.NotFound();
        }

        if (await RoleGrants.CheckCanActOnAsync(db, CurrentActor.Require(http.User), user.Id, ct) is { } above)
        {
            return above;
        }

        var unlocked = await IdentitySteps.RunAsync(
            db, ct, () => manager.SetLockoutEndDateAsync(user, null), () => manager.ResetAccessFailedCountAsync(user));
        if (!unlocked.Succeeded)
        {
            return IdentityProblems.From(unlocked);
        }

        if (http.User.FindFirst(ParleyClaims.TenantSlug)?.Value is { } tenant)
        {
            guesses.ForgiveAccount(tenant, user.UserName!);
        }

        audit.Target("user", user.Id).Describe($"unlocked user '{user.UserName}'");
        return TypedResults.NoContent();
    }

    private static async Task<Dictionary<Guid, string[]>> RoleNamesByUserAsync(ParleyDbContext db, CancellationToken ct)
    {
        var pairs = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           select new { ur.UserId, r.Name }).ToListAsync(ct);
        return pairs.GroupBy(p => p.UserId).ToDictionary(g => g.Key, g => g.Select(p => p.Name!).Order(StringComparer.Ordinal).ToArray());
    }
}
