using Microsoft.EntityFrameworkCore;
using Parley.Domain.Security;
using Parley.Flows.Execution;
using Parley.Flows.Json;
using Parley.Flows.Model;
using Parley.Server.Api.Flows;
using Parley.Server.Api.Schedules;
using Parley.Server.Auth;
using Parley.Voice.Calls.Ports;

namespace Parley.Server.Application.Admin;

/// <summary>"Try it" for <c>POST /api/v1/flows/{id}/try</c> and the designer: the draft or a version run against typed input.</summary>
internal sealed partial class FlowAdmin
{
    public const int MaxTryInputs = 50;
    public const int MaxTryInputLength = 200;

    public async Task<AppResult<FlowTryResultDto>> TryAsync(CurrentActor actor, Guid id, FlowTryRequest? request, CancellationToken ct)
    {
        if (tenant.Require(actor, Permissions.FlowsRead) is { } refused)
        {
            return refused;
        }

        var inputs = request?.Inputs ?? [];
        if (inputs.Count > MaxTryInputs || inputs.Any(i => i is null || i.Length > MaxTryInputLength))
        {
            return AppError.Invalid("inputs", $"Give at most {MaxTryInputs} entries of at most {MaxTryInputLength} characters.");
        }

        var json = await db.Flows.AsNoTracking().Where(f => f.Id == id).Select(f => f.DraftJson).SingleOrDefaultAsync(ct);
        if (json is null)
        {
            return AppError.NotFound();
        }

        if (request?.Version is { } number)
        {
            json = await db.FlowVersions.AsNoTracking().Where(v => v.FlowId == id && v.Number == number).Select(v => v.Json).SingleOrDefaultAsync(ct);
            if (json is null)
            {
                return AppError.Invalid("version", $"The flow has no version {number}.");
            }
        }

        var zone = await db.Tenants.AsNoTracking().Where(t => t.Id == actor.TenantId).Select(t => t.TimeZone).SingleAsync(ct);
        var document = FlowJson.ParseTrusted(json);
        var library = await TryLibraryAsync(document, actor.TenantId, zone, ct);
        var result = trial.Run(document, inputs, new CallInfo("try", request?.Caller, null, "voice", zone), library);
        return AppResult<FlowTryResultDto>.Ok(FlowTryResultDto.From(result));
    }

    private async Task<FlowTryLibrary> TryLibraryAsync(FlowDocument document, Guid tenantId, string zone, CancellationToken ct)
    {
        var scheduleIds = new HashSet<Guid>();
        var subflows = new List<PublishedFlow>();
        foreach (var block in document.Blocks ?? [])
        {
            if (block is BusinessHoursBlock { ScheduleId: { } s } && Guid.TryParse(s, out var scheduleId))
            {
                scheduleIds.Add(scheduleId);
            }
            else if (block is SubflowBlock { FlowId: { } f } && Guid.TryParse(f, out var subId) && published is not null
                && await published.FindAsync(tenantId, subId, ct) is { } sub)
            {
                subflows.Add(sub);
            }
        }

        // The tenant's query filter keeps another tenant's schedules out; IPublishedFlows opens the actor's tenant.
        var schedules = await db.Schedules.AsNoTracking().Where(s => scheduleIds.Contains(s.Id)).ToListAsync(ct);
        return new FlowTryLibrary(schedules.ToDictionary(s => s.Id.ToString(), s => ScheduleRules.ToBusinessSchedule(s, zone), StringComparer.Ordinal), subflows);
    }
}
