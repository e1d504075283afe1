using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Domain.Security;
using Parley.Domain.Tenants;
using Parley.Server.Api.Conventions;
using Parley.Server.Audit;
using Parley.Server.Auth;
using Parley.Server.Reports;

namespace Parley.Server.Api.Reports;

/// <summary>
/// <c>POST /api/v1/platform/reports/rebuild?from[&amp;tenantId]</c> (platform operator, audited): deletes the stored
/// quarter-hour aggregates from the stretch holding <c>from</c> on, for every tenant or one; the aggregate job closes them
/// again from the raw records within its next rounds. For corrected records or changed service-level thresholds.
/// </summary>
public static class ReportRebuildApi
{
    public static RouteGroupBuilder MapReportRebuildApi(this RouteGroupBuilder api)
    {
        api.MapPost("/platform/reports/rebuild", RebuildAsync).WithTags("Platform").RequirePermission(Permissions.PlatformTenantsWrite)
            .Audited("reports.rebuild")
            .WithSummary("Store the report aggregates again from the raw records, from an instant on (every tenant, or ?tenantId=)");
        return api;
    }

    private static async Task<IResult> RebuildAsync(ContactIntervalJob job, ParleyDbContext db, DateTimeOffset? from, Guid? tenantId, CancellationToken ct)
    {
        if (from is null)
        {
            return ApiProblems.Invalid("from", "An instant (ISO 8601); the aggregates from the stretch holding it on are stored again.");
        }

        var tenants = await db.Tenants.AsNoTracking().Where(t => t.Slug != TenantSlug.Platform && (tenantId == null || t.Id == tenantId)).Select(t => t.Id).ToListAsync(ct);
        if (tenantId is not null && tenants.Count == 0)
        {
            return ApiProblems.NotFound();
        }

        var rows = 0;
        foreach (var tenant in tenants)
        {
            rows += await job.RebuildFromAsync(tenant, from.Value, ct);
        }

        return TypedResults.Accepted((string?)null, new { tenants = tenants.Count, deletedRows = rows });
    }
}
