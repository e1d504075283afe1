using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Data.Tenancy;
using Parley.Domain.Security;
using Parley.Server.Api.Flows;
using Parley.Server.Auth;

namespace Parley.Server.Application.Admin;

/// <summary>
/// Flows for the console's <c>/admin/flows</c>: the list filtered by name, sorted (<c>name</c>, <c>latestVersion</c>) and
/// windowed by the database, with the published and latest version of each. Needs <c>flows.read</c>; the tenant's
/// query filter keeps other tenants' flows out.
/// </summary>
internal sealed class FlowAdmin(ParleyDbContext db, TenantContext tenant)
{
    public async Task<AppResult<ListPage<FlowSummaryDto>>> ListAsync(CurrentActor actor, ListQuery query, CancellationToken ct)
    {
        if (tenant.Require(actor, Permissions.FlowsRead) is { } refused)
        {
            return refused;
        }

        var rows = db.Flows.AsNoTracking();
        if (query.Needle is { } needle)
        {
            rows = rows.Where(f => f.Name.ToLower().Contains(needle));
        }

        var sorted = query.Sort == "latestVersion" ? rows.SortBy(f => f.LatestVersion, query.Descending).ThenBy(f => f.Name) : rows.SortBy(f => f.Name, query.Descending);
        return AppResult<ListPage<FlowSummaryDto>>.Ok(await sorted.ToListPageAsync(query, FlowSummaryDto.From, ct));
    }
}
