using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Data.Entities;
using Parley.Domain.Security;
using Parley.Server.Api.Conventions;
using Parley.Server.Application;
using Parley.Server.Application.Admin;
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

    // The writes are the application layer's (UserAdmin), shared with the admin console; REST adds If-Match and the ETag.
    private static async Task<IResult> CreateAsync(CreateUserRequest request, HttpContext http, UserAdmin users, CancellationToken ct) =>
        (await users.CreateAsync(CurrentActor.Require(http.User), request, ct)).ToHttp(u => Tagged(http, u, TypedResults.Created($"/api/v1/users/{u.Id}", u)));

    private static async Task<IResult> UpdateAsync(Guid id, UpdateUserRequest request, HttpContext http, UserAdmin users, CancellationToken ct) =>
        IfMatch.Read(http, out var expected) ?? (await users.UpdateAsync(CurrentActor.Require(http.User), id, expected, request, ct)).ToHttp(u => Tagged(http, u, TypedResults.Ok(u)));

    private static async Task<IResult> DeleteAsync(Guid id, HttpContext http, UserAdmin users, CancellationToken ct) =>
        (await users.DeleteAsync(CurrentActor.Require(http.User), id, ct)).ToHttp();

    private static IResult Tagged(HttpContext http, UserDto user, IResult result)
    {
        ETags.Set(http, user.Version);
        return result;
    }

    /// <summary>Lifts an admin lock and forgets this node's failed sign-ins of the account from every address.</summary>
    private static async Task<IResult> UnlockAsync(
        Guid id, HttpContext http, ParleyDbContext db, UserManager<ParleyUser> manager, UserAdmin users, GuessBudgets guesses, AuditScope audit, CancellationToken ct)
    {
        var user = await manager.FindByIdAsync(id.ToString());
        if (user is null)
        {
            return ApiProblems.NotFound();
        }

        if (await users.CheckCanActOnAsync(CurrentActor.Require(http.User), user.Id, ct) is { } above)
        {
            return above.ToProblem();
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
