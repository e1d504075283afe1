using Microsoft.EntityFrameworkCore;
using Parley.Cluster.Nodes;
using Parley.Cluster.Routing;
using Parley.Data;
using Parley.Domain.Security;
using Parley.Domain.Tenants;
using Parley.Server.Api.Platform;
using Parley.Server.Application.Admin;
using Parley.Server.Audit;
using Parley.Server.Auth;

namespace Parley.Server.Application.Platform;

/// <summary>
/// What a tenant rents, for <c>/api/v1/platform/tenants/{id}/plan</c> and the console's tenant page: seats per channel group,
/// concurrent calls and chats, phone numbers, recording retention and API rate. Set with the tenant's version read (a different one
/// is <see cref="AppErrorKind.Stale"/>); a change reaches the tenant's routing grain, the SIP admission and the API rate before the answer.
/// </summary>
internal sealed class PlatformPlanAdmin(ParleyDbContext db, IGrainFactory grains, NodeBroadcast nodes, AuditScope audit)
{
    public async Task<AppResult<PlanDto>> GetAsync(CurrentActor actor, Guid tenantId, CancellationToken ct)
    {
        if (PlatformGuard.Require(actor, Permissions.PlatformTenantsRead) is { } refused)
        {
            return refused;
        }

        return await db.Tenants.AsNoTracking().SingleOrDefaultAsync(t => t.Id == tenantId && t.Slug != TenantSlug.Platform, ct) is { } tenant
            ? AppResult<PlanDto>.Ok(PlanDto.From(tenant))
            : AppError.NotFound();
    }

    /// <summary>Replaces the plan if the tenant is still at <paramref name="expectedVersion"/> (null: any).</summary>
    public async Task<AppResult<PlanDto>> UpdateAsync(CurrentActor actor, Guid tenantId, long? expectedVersion, PlanRequest request, CancellationToken ct)
    {
        if (PlatformGuard.Require(actor, Permissions.PlatformTenantsWrite) is { } refused)
        {
            return refused;
        }

        var found = await AdminWrites.FindCurrentAsync(db.Tenants.Where(t => t.Slug != TenantSlug.Platform), t => t.Id == tenantId, expectedVersion, ct);
        if (found.Value is not { } tenant)
        {
            return found.Error!;
        }

        if (request.Errors() is { Count: > 0 } errors)
        {
            var first = errors.First();
            return AppError.Invalid(first.Key, first.Value[0]) with { Errors = errors };
        }

        request.ApplyTo(tenant.Plan);
        await db.SaveChangesAsync(ct);
        await grains.GetGrain<ITenantRoutingGrain>(tenant.Id).RefreshPlan();
        await nodes.ForgetTenantPlanAsync(tenant.Id); // every node's call cap and API rate, before the answer
        audit.Target("tenant", tenant.Id).Describe($"set the plan of tenant '{tenant.Slug}': {request.Describe()}");
        return AppResult<PlanDto>.Ok(PlanDto.From(tenant));
    }
}
