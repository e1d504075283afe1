using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Data.Entities;
using Parley.Data.Tenancy;
using Parley.Domain.Security;
using Parley.Domain.Tenants;
using Parley.Server.Api.Roles;
using Parley.Server.Audit;
using Parley.Server.Auth;

namespace Parley.Server.Application.Admin;

/// <summary>
/// Roles for <c>/api/v1/roles</c> and the console's <c>/admin/roles</c>: the built-in roles (read-only) and the tenant's custom
/// roles (a name and a chosen set of permissions). Needs <c>roles.read</c>/<c>roles.write</c>; nobody grants (or changes or
/// deletes a role holding) a permission they do not hold; platform permissions exist only in the platform tenant.
/// </summary>
internal sealed class RoleAdmin(ParleyDbContext db, TenantContext tenant, AuditScope audit)
{
    public async Task<AppResult<ListPage<RoleDto>>> ListAsync(CurrentActor actor, ListQuery query, CancellationToken ct)
    {
        if (tenant.Require(actor, Permissions.RolesRead) is { } refused)
        {
            return refused;
        }

        var rows = db.Roles.AsNoTracking();
        if (query.Needle is { } needle)
        {
            rows = rows.Where(r => r.Name!.ToLower().Contains(needle) || r.Description.ToLower().Contains(needle));
        }

        var sorted = query.Sort == "builtIn" ? rows.SortBy(r => r.IsBuiltIn, query.Descending).ThenBy(r => r.Name) : rows.SortBy(r => r.Name, query.Descending);
        return AppResult<ListPage<RoleDto>>.Ok(await sorted.ToListPageAsync(query, RoleDto.From, ct));
    }

    public async Task<AppResult<RoleDto>> GetAsync(CurrentActor actor, Guid id, CancellationToken ct)
    {
        if (tenant.Require(actor, Permissions.RolesRead) is { } refused)
        {
            return refused;
        }

        return await db.Roles.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct) is { } role ? AppResult<RoleDto>.Ok(RoleDto.From(role)) : AppError.NotFound();
    }

    /// <summary>The permissions a role of this tenant may hold, in catalogue order, each marked whether the actor may grant it.</summary>
    public async Task<AppResult<IReadOnlyList<GrantChoice>>> PermissionsAsync(CurrentActor actor, CancellationToken ct)
    {
        if (tenant.Require(actor, Permissions.RolesRead) is { } refused)
        {
            return refused;
        }

        var isPlatform = await IsPlatformAsync(actor, ct);
        IReadOnlyList<GrantChoice> choices = Permissions.Catalogue
            .Where(p => isPlatform || !p.PlatformOnly)
            .Select(p => new GrantChoice(p.Name, p.Description, actor.Permissions.Contains(p.Name)))
            .ToArray();
        return AppResult<IReadOnlyList<GrantChoice>>.Ok(choices);
    }

    public async Task<AppResult<RoleDto>> CreateAsync(CurrentActor actor, RoleRequest request, CancellationToken ct)
    {
        if ((tenant.Require(actor, Permissions.RolesWrite) ?? RequestChecks.Check(request) ?? await CheckAsync(request, actor, ct)) is { } refused)
        {
            return refused;
        }

        if (await db.Roles.AnyAsync(r => r.NormalizedName == request.Name.ToUpperInvariant(), ct))
        {
            return NameTaken(request.Name);
        }

        var role = new ParleyRole { Id = Guid.CreateVersion7(), TenantId = actor.TenantId };
        Apply(request, role);
        db.Roles.Add(role);
        if (await SavedAsync(request, ct) is { } failed)
        {
            return failed;
        }

        audit.Target("role", role.Id).Describe($"created role '{role.Name}' with [{role.PermissionList}]");
        return AppResult<RoleDto>.Ok(RoleDto.From(role));
    }

    /// <summary>Replaces a custom role if it is still at <paramref name="expectedVersion"/> (null: whatever it is now).</summary>
    public async Task<AppResult<RoleDto>> UpdateAsync(CurrentActor actor, Guid id, long? expectedVersion, RoleRequest request, CancellationToken ct)
    {
        if ((tenant.Require(actor, Permissions.RolesWrite) ?? RequestChecks.Check(request)) is { } refused)
        {
            return refused;
        }

        if (await db.Roles.SingleOrDefaultAsync(r => r.Id == id, ct) is not { } role)
        {
            return AppError.NotFound();
        }

        if (expectedVersion is { } version && version != role.Version)
        {
            return AppError.Stale();
        }

        if (role.IsBuiltIn)
        {
            return AppError.Conflict("Built-in roles cannot be changed; create a custom role instead.");
        }

        if (await CheckAsync(request, actor, ct) is { } invalid)
        {
            return invalid;
        }

        if (actor.MissingFrom(role.GetPermissions()) is { Count: > 0 } above)
        {
            return AppError.CannotGrant(above);
        }

        var normalized = request.Name.ToUpperInvariant();
        if (await db.Roles.AnyAsync(r => r.NormalizedName == normalized && r.Id != role.Id, ct))
        {
            return NameTaken(request.Name);
        }

        var before = role.PermissionList;
        Apply(request, role);
        if (await SavedAsync(request, ct) is { } failed)
        {
            return failed;
        }

        // Members keep their session: the security-stamp check rebuilds their permissions within its interval.
        audit.Target("role", role.Id).Describe($"changed role '{role.Name}' permissions from [{before}] to [{role.PermissionList}]");
        return AppResult<RoleDto>.Ok(RoleDto.From(role));
    }

    public async Task<AppResult<Done>> DeleteAsync(CurrentActor actor, Guid id, CancellationToken ct)
    {
        if (tenant.Require(actor, Permissions.RolesWrite) is { } refused)
        {
            return refused;
        }

        if (await db.Roles.SingleOrDefaultAsync(r => r.Id == id, ct) is not { } role)
        {
            return AppError.NotFound();
        }

        if (role.IsBuiltIn)
        {
            return AppError.Conflict("Built-in roles cannot be deleted.");
        }

        if (actor.MissingFrom(role.GetPermissions()) is { Count: > 0 } above)
        {
            return AppError.CannotGrant(above);
        }

        db.Roles.Remove(role);
        await db.SaveChangesAsync(ct);
        audit.Target("role", role.Id).Describe($"deleted role '{role.Name}'");
        return AppResult<Done>.Ok(Done.Value);
    }

    private static void Apply(RoleRequest request, ParleyRole role)
    {
        role.Name = request.Name;
        role.NormalizedName = request.Name.ToUpperInvariant();
        role.Description = request.Description ?? "";
        role.SetPermissions(request.Permissions);
    }

    private async Task<AppError?> SavedAsync(RoleRequest request, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return AppError.Stale();
        }
        catch (DbUpdateException)
        {
            // Another request took the name between the check and the save: the unique index refused it.
            return NameTaken(request.Name);
        }
    }

    private async Task<AppError?> CheckAsync(RoleRequest request, CurrentActor actor, CancellationToken ct)
    {
        var unknown = request.Permissions.Where(p => !Permissions.IsKnown(p)).ToArray();
        if (unknown.Length > 0)
        {
            return AppError.Invalid("permissions", "Unknown permissions: " + string.Join(", ", unknown));
        }

        var platformOnly = Permissions.Catalogue.Where(p => p.PlatformOnly).Select(p => p.Name).Intersect(request.Permissions).ToArray();
        if (platformOnly.Length > 0 && !await IsPlatformAsync(actor, ct))
        {
            return AppError.Invalid("permissions", "Platform permissions cannot be granted in a tenant: " + string.Join(", ", platformOnly));
        }

        var missing = actor.MissingFrom(request.Permissions);
        return missing.Count > 0 ? AppError.CannotGrant(missing) : null;
    }

    private Task<bool> IsPlatformAsync(CurrentActor actor, CancellationToken ct) =>
        db.Tenants.AnyAsync(t => t.Id == actor.TenantId && t.Slug == TenantSlug.Platform, ct);

    private static AppError NameTaken(string name) => AppError.Conflict($"A role named '{name}' exists.");
}
