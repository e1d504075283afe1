using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Flows.Execution;
using Parley.Flows.Json;
using Parley.Flows.Model;
using Parley.Flows.Trial;
using Parley.Server.Api.Conventions;
using Parley.Server.Api.Schedules;
using Parley.Server.Auth;
using Parley.Voice.Calls.Ports;

namespace Parley.Server.Api.Flows;

/// <summary>"Try it": runs the draft (or a version) against typed input with the pure interpreter; nothing is stored or called.</summary>
public static partial class FlowsApi
{
    public const int MaxTryInputs = 50;
    public const int MaxTryInputLength = 200;

    private static async Task<IResult> TryAsync(
        Guid id, FlowTryRequest? request, HttpContext http, ParleyDbContext db, FlowTrial trial, CancellationToken ct)
    {
        var inputs = request?.Inputs ?? [];
        if (inputs.Count > MaxTryInputs || inputs.Any(i => i is null || i.Length > MaxTryInputLength))
        {
            return ApiProblems.Invalid("inputs", $"Give at most {MaxTryInputs} entries of at most {MaxTryInputLength} characters.");
        }

        var flow = await db.Flows.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id, ct);
        if (flow is null)
        {
            return ApiProblems.NotFound();
        }

        var json = flow.DraftJson;
        if (request?.Version is { } number)
        {
            json = await db.FlowVersions.AsNoTracking().Where(v => v.FlowId == id && v.Number == number).Select(v => v.Json).SingleOrDefaultAsync(ct);
            if (json is null)
            {
                return ApiProblems.Invalid("version", $"The flow has no version {number}.");
            }
        }

        var tenantId = CurrentActor.Require(http.User).TenantId;
        var zone = await db.Tenants.AsNoTracking().Where(t => t.Id == tenantId).Select(t => t.TimeZone).SingleAsync(ct);
        var document = FlowJson.ParseTrusted(json);
        var library = await TryLibraryAsync(document, tenantId, zone, db, http.RequestServices.GetService<IPublishedFlows>(), ct);
        var result = trial.Run(document, inputs, new CallInfo("try", request?.Caller, null, "voice", zone), library);
        return TypedResults.Ok(FlowTryResultDto.From(result));
    }

    private static async Task<FlowTryLibrary> TryLibraryAsync(
        FlowDocument document, Guid tenantId, string zone, ParleyDbContext db, IPublishedFlows? published, CancellationToken ct)
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

        // The tenant's query filter keeps another tenant's schedules out.
        var schedules = await db.Schedules.AsNoTracking().Where(s => scheduleIds.Contains(s.Id)).ToListAsync(ct);
        return new FlowTryLibrary(schedules.ToDictionary(s => s.Id.ToString(), s => ScheduleRules.ToBusinessSchedule(s, zone), StringComparer.Ordinal), subflows);
    }
}
