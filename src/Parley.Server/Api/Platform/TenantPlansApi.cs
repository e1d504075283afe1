using Microsoft.EntityFrameworkCore;
using Parley.Cluster.Nodes;
using Parley.Cluster.Routing;
using Parley.Data;
using Parley.Domain.Security;
using Parley.Domain.Tenants;
using Parley.Server.Api.Conventions;
using Parley.Server.Audit;
using Parley.Server.Auth;
using Parley.Server.Tenants;
using Parley.Server.Voice;

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

    private static async Task<IResult> UpdateAsync(
        Guid id, PlanRequest request, HttpContext http, ParleyDbContext db, IGrainFactory grains, NodeBroadcast nodes,
        AuditScope audit, CancellationToken ct)
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

        if (request.Errors() is { Count: > 0 } errors)
        {
            return ApiProblems.Invalid(errors);
        }

        request.ApplyTo(tenant.Plan);
        await db.SaveChangesAsync(ct);
        await grains.GetGrain<ITenantRoutingGrain>(tenant.Id).RefreshPlan();
        await nodes.ForgetTenantPlanAsync(tenant.Id); // every node's call cap and API rate, before the answer
        audit.Target("tenant", tenant.Id).Describe($"set the plan of tenant '{tenant.Slug}': {request.Describe()}");
        ETags.Set(http, tenant.Version);
        return TypedResults.Ok(PlanDto.From(tenant));
    }
}
