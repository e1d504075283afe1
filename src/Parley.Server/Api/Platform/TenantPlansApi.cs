using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Domain.Security;
using Parley.Domain.Tenants;
using Parley.Server.Api.Conventions;
using Parley.Server.Application;
using Parley.Server.Application.Platform;
using Parley.Server.Audit;
using Parley.Server.Auth;

namespace Parley.Server.Api.Platform;

/// <summary>
/// <c>/api/v1/platform/tenants/{id}/plan</c>: what a tenant rents, set by the platform operator (audited, If-Match
/// on the tenant's ETag); <c>/api/v1/plan</c>: the calling tenant reads its own. A change reaches the tenant's
/// routing grain before the answer, so the next sign-in on any node sees it.
/// </summary>
public static class TenantPlansApi
{
    public static RouteGroupBuilder MapTenantPlansApi(this RouteGroupBuilder api)
    {
        var plans = api.MapGroup("/platform/tenants/{id:guid}/plan").WithTags("Platform");
        plans.MapGet("/", GetAsync).RequirePermission(Permissions.PlatformTenantsRead);
        plans.MapPut("/", UpdateAsync).RequirePermission(Permissions.PlatformTenantsWrite).Audited("tenants.plan");
        api.MapGet("/plan", GetOwnAsync).WithTags("Tenant settings").RequirePermission(Permissions.QueuesRead);
        return api;
    }

    private static Task<IResult> GetAsync(Guid id, HttpContext http, ParleyDbContext db, CancellationToken ct) =>
        db.Tenants.AsNoTracking().Where(t => t.Id == id && t.Slug != TenantSlug.Platform).ToETaggedResultAsync(http, PlanDto.From, ct);

    private static Task<IResult> GetOwnAsync(HttpContext http, ParleyDbContext db, CancellationToken ct)
    {
        var tenantId = CurrentActor.Require(http.User).TenantId;
        return db.Tenants.AsNoTracking().Where(t => t.Id == tenantId).ToETaggedResultAsync(http, PlanDto.From, ct);
    }

    // The write is the application layer's (PlatformPlanAdmin), shared with the admin console; REST adds If-Match and the ETag.
    private static async Task<IResult> UpdateAsync(Guid id, PlanRequest request, HttpContext http, PlatformPlanAdmin plans, CancellationToken ct) =>
        IfMatch.Read(http, out var expected) ?? (await plans.UpdateAsync(CurrentActor.Require(http.User), id, expected, request, ct)).ToHttp(p => Ok(http, p));

    private static IResult Ok(HttpContext http, PlanDto plan)
    {
        ETags.Set(http, plan.Version);
        return TypedResults.Ok(plan);
    }
}
