using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Domain.Security;
using Parley.Server.Api.Conventions;
using Parley.Server.Application;
using Parley.Server.Application.Platform;
using Parley.Server.Audit;
using Parley.Server.Auth;

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

    // The writes are the application layer's (PlatformTenantAdmin), shared with the admin console; REST adds If-Match and the ETag.
    private static async Task<IResult> CreateAsync(CreateTenantRequest request, HttpContext http, PlatformTenantAdmin tenants, CancellationToken ct) =>
        (await tenants.CreateAsync(CurrentActor.Require(http.User), request, ct)).ToHttp(t => TypedResults.Created($"/api/v1/platform/tenants/{t.Id}", t));

    private static async Task<IResult> UpdateAsync(Guid id, UpdateTenantRequest request, HttpContext http, PlatformTenantAdmin tenants, CancellationToken ct) =>
        IfMatch.Read(http, out var expected) ?? (await tenants.UpdateAsync(CurrentActor.Require(http.User), id, expected, request, ct)).ToHttp(t => Ok(http, t));

    private static async Task<IResult> SuspendAsync(Guid id, HttpContext http, PlatformTenantAdmin tenants, CancellationToken ct) =>
        (await tenants.SuspendAsync(CurrentActor.Require(http.User), id, ct)).ToHttp(TypedResults.Ok);

    private static async Task<IResult> ResumeAsync(Guid id, HttpContext http, PlatformTenantAdmin tenants, CancellationToken ct) =>
        (await tenants.ResumeAsync(CurrentActor.Require(http.User), id, ct)).ToHttp(TypedResults.Ok);

    private static async Task<IResult> DeleteAsync(Guid id, HttpContext http, PlatformTenantAdmin tenants, CancellationToken ct) =>
        (await tenants.DeleteAsync(CurrentActor.Require(http.User), id, ct)).ToHttp();

    private static IResult Ok(HttpContext http, TenantDto tenant)
    {
        ETags.Set(http, tenant.Version);
        return TypedResults.Ok(tenant);
    }
}
