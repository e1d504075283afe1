using Parley.Domain.Security;
using Parley.Server.Api.Conventions;
using Parley.Server.Application;
using Parley.Server.Application.Admin;
using Parley.Server.Audit;
using Parley.Server.Auth;

namespace Parley.Server.Api.Roles;

/// <summary><c>/api/v1/roles</c>: built-in roles (read-only) and the tenant's custom roles.</summary>
public static class RolesApi
{
    public static RouteGroupBuilder MapRolesApi(this RouteGroupBuilder api)
    {
        var roles = api.MapGroup("/roles").WithTags("Roles");
        roles.MapGet("/", ListAsync).RequirePermission(Permissions.RolesRead);
        roles.MapGet("/{id:guid}", GetAsync).RequirePermission(Permissions.RolesRead);
        roles.MapPost("/", CreateAsync).RequirePermission(Permissions.RolesWrite).Audited("roles.create");
        roles.MapPut("/{id:guid}", UpdateAsync).RequirePermission(Permissions.RolesWrite).Audited("roles.update");
        roles.MapDelete("/{id:guid}", DeleteAsync).RequirePermission(Permissions.RolesWrite).Audited("roles.delete");
        return api;
    }

    private static Task<IResult> ListAsync(Parley.Data.ParleyDbContext db, [AsParameters] PageRequest page, CancellationToken ct) =>
        db.Roles.ToPageResultAsync(r => r.NormalizedName!, page, RoleDto.From, ct);

    private static async Task<IResult> GetAsync(Guid id, HttpContext http, Parley.Data.ParleyDbContext db, CancellationToken ct)
    {
        return await db.Roles.Where(r => r.Id == id).ToETaggedResultAsync(http, RoleDto.From, ct);
    }

    // The writes are the application layer's (RoleAdmin), shared with the admin console; REST adds If-Match and the ETag.
    private static async Task<IResult> CreateAsync(RoleRequest request, HttpContext http, RoleAdmin roles, CancellationToken ct) =>
        (await roles.CreateAsync(CurrentActor.Require(http.User), request, ct)).ToHttp(r => Tagged(http, r, TypedResults.Created($"/api/v1/roles/{r.Id}", r)));

    private static async Task<IResult> UpdateAsync(Guid id, RoleRequest request, HttpContext http, RoleAdmin roles, CancellationToken ct) =>
        IfMatch.Read(http, out var expected) ?? (await roles.UpdateAsync(CurrentActor.Require(http.User), id, expected, request, ct)).ToHttp(r => Tagged(http, r, TypedResults.Ok(r)));

    private static async Task<IResult> DeleteAsync(Guid id, HttpContext http, RoleAdmin roles, CancellationToken ct) =>
        (await roles.DeleteAsync(CurrentActor.Require(http.User), id, ct)).ToHttp();

    private static IResult Tagged(HttpContext http, RoleDto role, IResult result)
    {
        ETags.Set(http, role.Version);
        return result;
    }
}
