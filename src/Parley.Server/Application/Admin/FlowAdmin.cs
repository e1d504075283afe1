using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Parley.Data;
using Parley.Data.Tenancy;
using Parley.Domain.Security;
using Parley.Server.Api.Flows;
using Parley.Server.Audit;
using Parley.Server.Auth;
using Parley.Server.Options;
using Parley.Flows.Trial;
using Parley.Voice.Calls.Ports;

namespace Parley.Server.Application.Admin;

/// <summary>
/// Flows for <c>/api/v1/flows</c> and the console's <c>/admin/flows</c>: the list filtered by name, sorted (<c>name</c>,
/// <c>latestVersion</c>) and windowed by the database, the designer's view of a draft, and the writes both share (create,
/// save the draft with the version read, publish or roll back). Reads need <c>flows.read</c>, writes <c>flows.write</c>;
/// the tenant's query filter keeps other tenants' flows out.
/// </summary>
internal sealed partial class FlowAdmin(
    ParleyDbContext db, TenantContext tenant, FlowTrial trial, FlowChecks checks, FlowPromptPrerender prerender, AuditScope audit,
    TimeProvider time, IOptions<FlowStoreOptions> options, IPublishedFlows? published = null)
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

    /// <summary>The flow's draft drawn as a diagram, with every validation error on the block it concerns.</summary>
    public async Task<AppResult<FlowDesign>> GetDesignAsync(CurrentActor actor, Guid id, CancellationToken ct)
    {
        if (tenant.Require(actor, Permissions.FlowsRead) is { } refused)
        {
            return refused;
        }

        var flow = await db.Flows.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id, ct);
        if (flow is null)
        {
            return AppError.NotFound();
        }

        var validation = await checks.ValidateAsync(flow.DraftJson, ct);
        var document = validation.Document ?? Parley.Flows.Json.FlowJson.ParseTrusted(flow.DraftJson);
        var diagram = FlowDiagram.From(document, flow.DraftJson, validation.ToDictionary());
        return AppResult<FlowDesign>.Ok(new FlowDesign(FlowSummaryDto.From(flow), flow.DraftJson, diagram, validation.IsValid));
    }
}
