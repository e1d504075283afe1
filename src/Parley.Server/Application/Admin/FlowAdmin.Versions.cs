using Microsoft.EntityFrameworkCore;
using Parley.Domain.Security;
using Parley.Server.Api.Flows;
using Parley.Server.Auth;

namespace Parley.Server.Application.Admin;

/// <summary>What the designer shows besides the stored draft: the version history and an unsaved draft checked as it is edited.</summary>
internal sealed partial class FlowAdmin
{
    /// <summary>The most versions the designer lists (newest first); older ones stay reachable through the API.</summary>
    public const int DesignerVersions = 50;

    public async Task<AppResult<IReadOnlyList<FlowVersionSummaryDto>>> ListVersionsAsync(CurrentActor actor, Guid id, CancellationToken ct)
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

        var rows = await db.FlowVersions.AsNoTracking().Where(v => v.FlowId == id).OrderByDescending(v => v.Number).Take(DesignerVersions).ToListAsync(ct);
        return AppResult<IReadOnlyList<FlowVersionSummaryDto>>.Ok([.. rows.Select(v => FlowVersionSummaryDto.From(v, flow.PublishedVersion))]);
    }

    /// <summary>An edited, unsaved draft validated against the tenant's objects and drawn; nothing is stored.</summary>
    public async Task<AppResult<FlowDraftCheck>> CheckDraftAsync(CurrentActor actor, string json, CancellationToken ct)
    {
        if (tenant.Require(actor, Permissions.FlowsRead) is { } refused)
        {
            return refused;
        }

        var validation = await checks.ValidateAsync(json, ct);
        if (validation.Document is null)
        {
            return Invalid(validation);
        }

        return AppResult<FlowDraftCheck>.Ok(new FlowDraftCheck(FlowDiagram.From(validation.Document, json, validation.ToDictionary()), validation.IsValid));
    }
}
