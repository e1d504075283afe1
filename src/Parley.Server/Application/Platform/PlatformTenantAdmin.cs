using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Domain.Security;
using Parley.Domain.Tenants;
using Parley.Server.Api.Conventions;
using Parley.Server.Api.Platform;
using Parley.Server.Application.Admin;
using Parley.Server.Audit;
using Parley.Server.Auth;
using Parley.Server.Tenants;

namespace Parley.Server.Application.Platform;

/// <summary>
/// The platform operator's tenants for <c>/api/v1/platform/tenants</c> and the console's <c>/admin/platform/tenants</c>: list, read,
/// create (with a first administrator), rename or re-zone with the version read, suspend, resume, delete with erasure. Needs
/// <c>platform.tenants.read</c>/<c>platform.tenants.write</c>; the platform's own tenant is never listed or changed here (not found).
/// </summary>
internal sealed class PlatformTenantAdmin(ParleyDbContext db, TenantAdministration tenants, IGrainFactory grains, AuditScope audit)
{
    public async Task<AppResult<ListPage<TenantDto>>> ListAsync(CurrentActor actor, ListQuery query, CancellationToken ct)
    {
        if (PlatformGuard.Require(actor, Permissions.PlatformTenantsRead) is { } refused)
        {
            return refused;
        }

        var rows = db.Tenants.AsNoTracking().Where(t => t.Slug != TenantSlug.Platform);
        if (query.Needle is { } needle)
        {
            rows = rows.Where(t => t.Slug.Contains(needle) || t.Name.ToLower().Contains(needle));
        }

        var sorted = query.Sort switch
        {
            "name" => rows.SortBy(t => t.Name, query.Descending).ThenBy(t => t.Slug),
            "status" => rows.SortBy(t => t.Status, query.Descending).ThenBy(t => t.Slug),
            "createdAt" => rows.SortBy(t => t.CreatedAt, query.Descending).ThenBy(t => t.Slug),
            _ => rows.SortBy(t => t.Slug, query.Descending),
        };
        return AppResult<ListPage<TenantDto>>.Ok(await sorted.ToListPageAsync(query, TenantDto.From, ct));
    }

    public async Task<AppResult<TenantDto>> GetAsync(CurrentActor actor, Guid id, CancellationToken ct)
    {
        if (PlatformGuard.Require(actor, Permissions.PlatformTenantsRead) is { } refused)
        {
            return refused;
        }

        return await db.Tenants.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id && t.Slug != TenantSlug.Platform, ct) is { } tenant
            ? AppResult<TenantDto>.Ok(TenantDto.From(tenant))
            : AppError.NotFound();
    }

    /// <summary>Creates the tenant, its built-in roles and its first administrator in one transaction.</summary>
    public async Task<AppResult<TenantDto>> CreateAsync(CurrentActor actor, CreateTenantRequest request, CancellationToken ct)
    {
        if ((PlatformGuard.Require(actor, Permissions.PlatformTenantsWrite) ?? RequestChecks.Check(request)) is { } refused)
        {
            return refused;
        }

        if (request.Slug == TenantSlug.Platform)
        {
            return AppError.Invalid("slug", "This name is reserved.");
        }

        if (request.TimeZone is not null && ProblemErrors.From(TenantTimeZones.Validate(request.TimeZone)) is { } badZone)
        {
            return badZone;
        }

        var (tenant, result) = await tenants.CreateAsync(request.Slug, request.Name, request.AdminUserName, request.AdminPassword, request.TimeZone, ct);
        if (tenant is null)
        {
            return result.Errors.Any(e => e.Code == "slug")
                ? AppError.Conflict($"Tenant '{request.Slug}' exists.")
                : ProblemErrors.From(IdentityProblems.From(result)) ?? AppError.Invalid("request", "The tenant was refused.");
        }

        audit.Target("tenant", tenant.Id).Describe($"created tenant '{tenant.Slug}' with administrator '{request.AdminUserName}'");
        return AppResult<TenantDto>.Ok(TenantDto.From(tenant));
    }

    /// <summary>Renames or re-zones the tenant if it is still at <paramref name="expectedVersion"/> (null: any).</summary>
    public async Task<AppResult<TenantDto>> UpdateAsync(CurrentActor actor, Guid id, long? expectedVersion, UpdateTenantRequest request, CancellationToken ct)
    {
        if ((PlatformGuard.Require(actor, Permissions.PlatformTenantsWrite) ?? RequestChecks.Check(request)) is { } refused)
        {
            return refused;
        }

        var found = await AdminWrites.FindCurrentAsync(db.Tenants.Where(t => t.Slug != TenantSlug.Platform), t => t.Id == id, expectedVersion, ct);
        if (found.Value is not { } tenant)
        {
            return found.Error!;
        }

        if (ProblemErrors.From(TenantTimeZones.Validate(request.TimeZone)) is { } badZone)
        {
            return badZone;
        }

        var zoneChanged = tenant.TimeZone != request.TimeZone;
        tenant.Name = request.Name;
        tenant.TimeZone = request.TimeZone;
        await db.SaveChangesAsync(ct);
        if (zoneChanged)
        {
            await TenantTimeZones.RefreshRoutingAsync(grains, tenant.Id);
        }

        audit.Target("tenant", tenant.Id).Describe($"updated tenant '{tenant.Slug}': name '{tenant.Name}', time zone {tenant.TimeZone}");
        return AppResult<TenantDto>.Ok(TenantDto.From(tenant));
    }

    /// <summary>Suspends the tenant: its people, clients and numbers stop working until it is resumed.</summary>
    public Task<AppResult<TenantDto>> SuspendAsync(CurrentActor actor, Guid id, CancellationToken ct) =>
        ChangeStatusAsync(actor, "suspended", () => tenants.SuspendAsync(id, ct));

    public Task<AppResult<TenantDto>> ResumeAsync(CurrentActor actor, Guid id, CancellationToken ct) =>
        ChangeStatusAsync(actor, "resumed", () => tenants.ResumeAsync(id, ct));

    /// <summary>Erases the tenant and everything it owns.</summary>
    public async Task<AppResult<Done>> DeleteAsync(CurrentActor actor, Guid id, CancellationToken ct)
    {
        if (PlatformGuard.Require(actor, Permissions.PlatformTenantsWrite) is { } refused)
        {
            return refused;
        }

        if (!await tenants.DeleteAsync(id, ct))
        {
            return AppError.NotFound();
        }

        audit.Target("tenant", id).Describe("deleted tenant and erased its data");
        return AppResult<Done>.Ok(Done.Value);
    }

    private async Task<AppResult<TenantDto>> ChangeStatusAsync(CurrentActor actor, string change, Func<Task<Tenant?>> apply)
    {
        if (PlatformGuard.Require(actor, Permissions.PlatformTenantsWrite) is { } refused)
        {
            return refused;
        }

        if (await apply() is not { } tenant)
        {
            return AppError.NotFound();
        }

        audit.Target("tenant", tenant.Id).Describe($"{change} tenant '{tenant.Slug}'");
        return AppResult<TenantDto>.Ok(TenantDto.From(tenant));
    }
}
