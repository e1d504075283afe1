using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Domain.Security;
using Parley.Domain.Tenants;
using Parley.Server.Api.Conventions;
using Parley.Server.Auth;
using Parley.Server.Audit;
using Parley.Server.Tenants;

namespace Parley.Server.Api.Platform;

/// <summary><c>/api/v1/platform/tenants</c>: the platform operator's tenant lifecycle.</summary>
public static class TenantsApi
{
    public static RouteGroupBuilder MapTenantsApi(this RouteGroupBuilder api)
    {
        var tenants = api.MapGroup("/platform/tenants").WithTags("Platform");
        tenants.MapGet("/", ListAsync).RequirePermission(Permissions.PlatformTenantsRead);
        tenants.MapGet("/{id:guid}", GetAsync).RequirePermission(Permissions.PlatformTenantsRead);
        tenants.MapPost("/", CreateAsync).RequirePermission(Permissions.PlatformTenantsWrite).Audited("tenants.create");
        tenants.MapPut("/{id:guid}", UpdateAsync).RequirePermission(Permissions.PlatformTenantsWrite).Audited("tenants.update");
        tenants.MapPost("/{id:guid}/suspend", SuspendAsync).RequirePermission(Permissions.PlatformTenantsWrite).Audited("tenants.suspend");
        tenants.MapPost("/{id:guid}/resume", ResumeAsync).RequirePermission(Permissions.PlatformTenantsWrite).Audited("tenants.resume");
        tenants.MapDelete("/{id:guid}", DeleteAsync).RequirePermission(Permissions.PlatformTenantsWrite).Audited("tenants.delete");
        return api;
    }

    private static Task<IResult> ListAsync(ParleyDbContext db, [AsParameters] PageRequest page, CancellationToken ct) =>
        db.Tenants.ToPageResultAsync(t => t.Slug, page, TenantDto.From, ct);

    private static async Task<IResult> GetAsync(Guid id, HttpContext http, ParleyDbContext db, CancellationToken ct)
    {
        return await db.Tenants.Where(t => t.Id == id).ToETaggedResultAsync(http, TenantDto.From, ct);
    }

    private static async Task<IResult> CreateAsync(CreateTenantRequest request, TenantAdministration tenants, AuditScope audit, CancellationToken ct)
    {
        if (request.Slug == TenantSlug.Platform)
        {
            return ApiProblems.Invalid("slug", "This name is reserved.");
        }

        if (request.TimeZone is not null && TenantTimeZones.Validate(request.TimeZone) is { } invalid)
        {
            return invalid;
        }

        var (tenant, result) = await tenants.CreateAsync(request.Slug, request.Name, request.AdminUserName, request.AdminPassword, request.TimeZone, ct);
        if (tenant is null)
        {
            return result.Errors.Any(e => e.Code == "slug") ? ApiProblems.Conflict($"Tenant '{request.Slug}' exists.") : IdentityProblems.From(result);
        }

        audit.Target("tenant", tenant.Id).Describe($"created tenant '{tenant.Slug}' with administrator '{request.AdminUserName}'");
        return TypedResults.Created($"/api/v1/platform/tenants/{tenant.Id}", TenantDto.From(tenant));
    }

    private static async Task<IResult> UpdateAsync(
        Guid id, UpdateTenantRequest request, HttpContext http, ParleyDbContext db, IGrainFactory grains, AuditScope audit, CancellationToken ct)
    {
        var tenant = await db.Tenants.SingleOrDefaultAsync(t => t.Id == id, ct);
        if (tenant is null || tenant.Slug == TenantSlug.Platform)
        {
            return ApiProblems.NotFound();
        }

        if (ETags.CheckIfMatch(http, tenant.Version) is { } precondition)
        {
            return precondition;
        }

        if (TenantTimeZones.Validate(request.TimeZone) is { } invalid)
        {
            return invalid;
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
        ETags.Set(http, tenant.Version);
        return TypedResults.Ok(TenantDto.From(tenant));
    }

    private static async Task<IResult> SuspendAsync(Guid id, TenantAdministration tenants, AuditScope audit, CancellationToken ct) =>
        await tenants.SuspendAsync(id, ct) is { } tenant
            ? Changed(audit, tenant, "suspended")
            : ApiProblems.NotFound();

    private static async Task<IResult> ResumeAsync(Guid id, TenantAdministration tenants, AuditScope audit, CancellationToken ct) =>
        await tenants.ResumeAsync(id, ct) is { } tenant
            ? Changed(audit, tenant, "resumed")
            : ApiProblems.NotFound();

    private static async Task<IResult> DeleteAsync(Guid id, TenantAdministration tenants, AuditScope audit, CancellationToken ct)
    {
        if (!await tenants.DeleteAsync(id, ct))
        {
            return ApiProblems.NotFound();
        }

        audit.Target("tenant", id).Describe("deleted tenant and erased its data");
        return TypedResults.NoContent();
    }

    private static IResult Changed(AuditScope audit, Tenant tenant, string change)
    {
        audit.Target("tenant", tenant.Id).Describe($"{change} tenant '{tenant.Slug}'");
        return TypedResults.Ok(TenantDto.From(tenant));
    }
}
