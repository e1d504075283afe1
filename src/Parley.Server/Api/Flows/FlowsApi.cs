using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Data.Entities.Flows;
using Parley.Domain.Security;
using Parley.Server.Api.Conventions;
using Parley.Server.Application;
using Parley.Server.Application.Admin;
using Parley.Server.Audit;
using Parley.Server.Auth;

namespace Parley.Server.Api.Flows;

/// <summary>
/// <c>/api/v1/flows</c>: IVR and bot flows. The body of a create or update is the flow document itself, so error
/// pointers point into what was sent. A draft is stored even with validation errors (they come back in
/// <c>validation</c>); only a publish requires a valid flow and answers 400 with every error.
/// </summary>
public static partial class FlowsApi
{
    public static RouteGroupBuilder MapFlowsApi(this RouteGroupBuilder api)
    {
        var flows = api.MapGroup("/flows").WithTags("Flows");
        flows.MapGet("/", ListAsync).RequirePermission(Permissions.FlowsRead);
        flows.MapGet("/{id:guid}", GetAsync).RequirePermission(Permissions.FlowsRead);
        flows.MapGet("/{id:guid}/versions", ListVersionsAsync).RequirePermission(Permissions.FlowsRead);
        flows.MapGet("/{id:guid}/versions/{n:int}", GetVersionAsync).RequirePermission(Permissions.FlowsRead);
        flows.MapPost("/", CreateAsync).RequirePermission(Permissions.FlowsWrite).Audited("flows.create").Accepts<JsonElement>("application/json");
        flows.MapPut("/{id:guid}", UpdateAsync).RequirePermission(Permissions.FlowsWrite).Audited("flows.update").Accepts<JsonElement>("application/json");
        flows.MapPost("/{id:guid}/publish", PublishAsync).RequirePermission(Permissions.FlowsWrite).Audited("flows.publish");
        flows.MapPost("/{id:guid}/try", TryAsync).RequirePermission(Permissions.FlowsRead);
        flows.MapDelete("/{id:guid}", DeleteAsync).RequirePermission(Permissions.FlowsWrite).Audited("flows.delete");
        return api;
    }

    private static Task<IResult> ListAsync(ParleyDbContext db, [AsParameters] PageRequest page, CancellationToken ct) =>
        db.Flows.AsNoTracking().ToPageResultAsync(f => f.Name, page, FlowSummaryDto.From, ct);

    private static async Task<IResult> GetAsync(Guid id, HttpContext http, ParleyDbContext db, FlowChecks checks, CancellationToken ct)
    {
        var flow = await db.Flows.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id, ct);
        if (flow is null)
        {
            return ApiProblems.NotFound();
        }

        var validation = await checks.ValidateAsync(flow.DraftJson, ct);
        ETags.Set(http, flow.Version);
        return TypedResults.Ok(FlowDto.From(flow, FlowDraftValidation.From(validation)));
    }

    // The writes are the application layer's (FlowAdmin), shared with the designer; REST reads the body, adds If-Match and the ETag.
    private static async Task<IResult> CreateAsync(HttpContext http, FlowBody body, FlowAdmin flows, CancellationToken ct)
    {
        var (json, problem) = await body.ReadAsync(http.Request, ct);
        return problem ?? (await flows.CreateAsync(CurrentActor.Require(http.User), json!, ct)).ToHttp(f => Answer(http, f, created: true));
    }

    private static async Task<IResult> UpdateAsync(Guid id, HttpContext http, FlowBody body, FlowAdmin flows, CancellationToken ct)
    {
        if (IfMatch.Read(http, out var expected) is { } precondition)
        {
            return precondition;
        }

        var (json, problem) = await body.ReadAsync(http.Request, ct);
        return problem ?? (await flows.SaveDraftAsync(CurrentActor.Require(http.User), id, expected, json!, ct)).ToHttp(f => Answer(http, f, created: false));
    }

    private static async Task<IResult> DeleteAsync(Guid id, ParleyDbContext db, AuditScope audit, CancellationToken ct)
    {
        var flow = await db.Flows.SingleOrDefaultAsync(f => f.Id == id, ct);
        if (flow is null)
        {
            return ApiProblems.NotFound();
        }

        if (await FlowUsage.FindAsync(db, id, ct) is { } user)
        {
            return ApiProblems.Conflict($"{user} uses this flow; point it elsewhere first.");
        }

        db.Flows.Remove(flow);
        await db.SaveChangesAsync(ct);
        audit.Target("flow", id).Describe($"deleted flow '{flow.Name}' and its {flow.LatestVersion} versions");
        return TypedResults.NoContent();
    }

    private static IResult Answer(HttpContext http, FlowDto flow, bool created)
    {
        ETags.Set(http, flow.Version);
        return created ? TypedResults.Created($"/api/v1/flows/{flow.Id}", flow) : TypedResults.Ok(flow);
    }
}
