using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Data.Entities;
using Parley.Domain.Security;
using Parley.Domain.Tenants;
using Parley.Server.Api.Conventions;
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

    private static Task<IResult> ListAsync(ParleyDbContext db, [AsParameters] PageRequest page, CancellationToken ct) =>
        db.Roles.ToPageResultAsync(r => r.NormalizedName!, page, RoleDto.From, ct);

    private static async Task<IResult> GetAsync(Guid id, HttpContext http, ParleyDbContext db, CancellationToken ct)
    {
        return await db.Roles.Where(r => r.Id == id).ToETaggedResultAsync(http, RoleDto.From, ct);
    }

    private static async Task<IResult> CreateAsync(RoleRequest request, HttpContext http, ParleyDbContext db, AuditScope audit, CancellationToken ct)
    {
        var actor = CurrentActor.Require(http.User);
        if (await CheckAsync(request, actor, db, ct) is { } refused)
        {
            return refused;
        }

        if (await db.Roles.AnyAsync(r => r.NormalizedName == request.Name.ToUpperInvariant(), ct))
        {
            return NameTaken(request.Name);
        }

        var role = new ParleyRole
        {
            Id = Guid.CreateVersion7(),
            TenantId = actor.TenantId,
            Name = request.Name,
            NormalizedName = request.Name.ToUpperInvariant(),
            Description = request.Description ?? "",
        };
        role.SetPermissions(request.Permissions);
        db.Roles.Add(role);
        await db.SaveChangesAsync(ct);
        audit.Target("role", role.Id).Describe($"created role '{role.Name}' with [{role.PermissionList}]");
        ETags.Set(http, role.Version);
        return TypedResults.Created($"/api/v1/roles/{role.Id}", RoleDto.From(role));
    }

    private static async Task<IResult> UpdateAsync(Guid id, RoleRequest request, HttpContext http, ParleyDbContext db, AuditScope audit, CancellationToken ct)
    {
        var role = await db.Roles.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (role is null)
        {
            return ApiProblems.NotFound();
        }

        if (ETags.CheckIfMatch(http, role.Version) is { } precondition)
        {
            return precondition;
        }

        if (role.IsBuiltIn)
        {
            return ApiProblems.Conflict("Built-in roles cannot be changed; create a custom role instead.");
        }

        var actor = CurrentActor.Require(http.User);
        if (await CheckAsync(request, actor, db, ct) is { } refused)
        {
            return refused;
        }

        if (actor.MissingFrom(role.GetPermissions()) is { Count: > 0 } above)
        {
            return ApiProblems.CannotGrant(above);
        }

        var normalized = request.Name.ToUpperInvariant();
        if (await db.Roles.AnyAsync(r => r.NormalizedName == normalized && r.Id != role.Id, ct))
        {
            return NameTaken(request.Name);
        }

        var before = role.PermissionList;
        role.Name = request.Name;
        role.NormalizedName = request.Name.ToUpperInvariant();
        role.Description = request.Description ?? "";
        role.SetPermissions(request.Permissions);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ETags.StalePrecondition();
        }
        catch (DbUpdateException)
        {
            // Another request took the name between the check and the save: the unique index refused it.
            return NameTaken(request.Name);
        }

        // Members keep their session: the security-stamp check rebuilds their permissions within its interval.
        audit.Target("role", role.Id).Describe($"changed role '{role.Name}' permissions from [{before}] to [{role.PermissionList}]");
        ETags.Set(http, role.Version);
        return TypedResults.Ok(RoleDto.From(role));
    }

    private static async Task<IResult> DeleteAsync(Guid id, HttpContext http, ParleyDbContext db, AuditScope audit, CancellationToken ct)
    {
        var role = await db.Roles.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (role is null)
        {
            return ApiProblems.NotFound();
        }

        if (role.IsBuiltIn)
        {
            return ApiProblems.Conflict("Built-in roles cannot be deleted.");
        }

        if (CurrentActor.Require(http.User).MissingFrom(role.GetPermissions()) is { Count: > 0 } above)
        {
            return ApiProblems.CannotGrant(above);
        }

        db.Roles.Remove(role);
        await db.SaveChangesAsync(ct);
        audit.Target("role", role.Id).Describe($"deleted role '{role.Name}'");
        return TypedResults.NoContent();
    }

    private static async Task<IResult?> CheckAsync(RoleRequest request, CurrentActor actor, ParleyDbContext db, CancellationToken ct)
    {
        var unknown = request.Permissions.Where(p => !Permissions.IsKnown(p)).ToArray();
        if (unknown.Length > 0)
        {
            return ApiProblems.Invalid("permissions", "Unknown permissions: " + string.Join(", ", unknown));
        }

        var isPlatform = await db.Tenants.AnyAsync(t => t.Id == actor.TenantId && t.Slug == TenantSlug.Platform, ct);
        var platformOnly = Permissions.Catalogue.Where(p => p.PlatformOnly).Select(p => p.Name).Intersect(request.Permissions).ToArray();
        if (!isPlatform && platformOnly.Length > 0)
        {
            return ApiProblems.Invalid("permissions", "Platform permissions cannot be granted in a tenant: " + string.Join(", ", platformOnly));
        }

        var missing = actor.MissingFrom(request.Permissions);
        return missing.Count > 0 ? ApiProblems.CannotGrant(missing) : null;
    }

    private static IResult NameTaken(string name) => ApiProblems.Conflict($"A role named '{name}' exists.");
}
