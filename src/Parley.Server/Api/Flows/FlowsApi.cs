using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Data.Entities.Flows;
using Parley.Domain.Security;
using Parley.Flows.Validation;
using Parley.Server.Api.Conventions;
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
    public const int MaxNameLength = 200;

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

    private static async Task<IResult> CreateAsync(
        HttpContext http, ParleyDbContext db, FlowBody body, FlowChecks checks, AuditScope audit, TimeProvider time, CancellationToken ct)
    {
        var (draft, problem) = await ReadDraftAsync(http, body, checks, db, null, ct);
        if (problem is not null)
        {
            return problem;
        }

        var now = time.GetUtcNow();
        var flow = new Flow
        {
            Id = Guid.CreateVersion7(),
            TenantId = CurrentActor.Require(http.User).TenantId,
            Name = draft!.Name,
            DraftJson = draft.Json,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Flows.Add(flow);
        await db.SaveChangesAsync(ct);
        audit.Target("flow", flow.Id).Describe($"created flow '{flow.Name}' ({Describe(draft.Result)})");
        ETags.Set(http, flow.Version);
        return TypedResults.Created($"/api/v1/flows/{flow.Id}", FlowDto.From(flow, FlowDraftValidation.From(draft.Result)));
    }

    private static async Task<IResult> UpdateAsync(
        Guid id, HttpContext http, ParleyDbContext db, FlowBody body, FlowChecks checks, AuditScope audit, TimeProvider time, CancellationToken ct)
    {
        var flow = await db.Flows.SingleOrDefaultAsync(f => f.Id == id, ct);
        if (flow is null)
        {
            return ApiProblems.NotFound();
        }

        if (ETags.CheckIfMatch(http, flow.Version) is { } precondition)
        {
            return precondition;
        }

        var (draft, problem) = await ReadDraftAsync(http, body, checks, db, id, ct);
        if (problem is not null)
        {
            return problem;
        }

        flow.Name = draft!.Name;
        flow.DraftJson = draft.Json;
        flow.UpdatedAt = time.GetUtcNow();
        if (await SaveAsync(db, ct) is { } stale)
        {
            return stale;
        }

        audit.Target("flow", flow.Id).Describe($"saved the draft of flow '{flow.Name}' ({Describe(draft.Result)})");
        ETags.Set(http, flow.Version);
        return TypedResults.Ok(FlowDto.From(flow, FlowDraftValidation.From(draft.Result)));
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

    /// <summary>The body as a storable draft: well-formed, a flow document, named, the name free; else the problem.</summary>
    private static async Task<(FlowDraft? Draft, IResult? Problem)> ReadDraftAsync(
        HttpContext http, FlowBody body, FlowChecks checks, ParleyDbContext db, Guid? self, CancellationToken ct)
    {
        var (json, problem) = await body.ReadAsync(http.Request, ct);
        if (problem is not null)
        {
            return (null, problem);
        }

        var result = await checks.ValidateAsync(json!, ct);
        if (result.Document is null)
        {
            return (null, ApiProblems.Invalid(result.ToDictionary()));
        }

        var name = result.Document.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength)
        {
            return (null, ApiProblems.Invalid("/name", $"A flow needs a name of 1 to {MaxNameLength} characters."));
        }

        if (await db.Flows.AnyAsync(f => f.Name == name && f.Id != self, ct))
        {
            return (null, ApiProblems.Conflict($"A flow named '{name}' exists already."));
        }

        return (new FlowDraft(name, json!, result), null);
    }

    private static string Describe(FlowValidationResult result) =>
        result.IsValid ? "valid" : $"{result.Errors.Count} validation errors";

    /// <summary>Saves; a concurrent change of the same row answers 412 like a stale If-Match.</summary>
    private static async Task<IResult?> SaveAsync(ParleyDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateException)
        {
            return ETags.StalePrecondition();
        }
    }
}
