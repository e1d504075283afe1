using System.Text;
using Microsoft.EntityFrameworkCore;
using Parley.Data.Entities.Flows;
using Parley.Domain.Security;
using Parley.Flows.Validation;
using Parley.Server.Api.Flows;
using Parley.Server.Auth;

namespace Parley.Server.Application.Admin;

/// <summary>
/// The writes of <c>/api/v1/flows</c> and the designer: create, save the draft with the version read (REST's If-Match; a
/// different one is <see cref="AppErrorKind.Stale"/>), publish the draft or republish an older version (a roll back). A draft
/// is stored even with validation errors (they come back in the answer); only a publish needs a valid flow.
/// </summary>
internal sealed partial class FlowAdmin
{
    public const int MaxNameLength = 200;

    public async Task<AppResult<FlowDto>> CreateAsync(CurrentActor actor, string json, CancellationToken ct)
    {
        if (tenant.Require(actor, Permissions.FlowsWrite) is { } refused)
        {
            return refused;
        }

        var read = await ReadDraftAsync(json, null, ct);
        if (read.Value is not { } draft)
        {
            return read.Error!;
        }

        var now = time.GetUtcNow();
        var flow = new Flow { Id = Guid.CreateVersion7(), TenantId = actor.TenantId, Name = draft.Name, DraftJson = draft.Json, CreatedAt = now, UpdatedAt = now };
        db.Flows.Add(flow);
        await db.SaveChangesAsync(ct);
        audit.Target("flow", flow.Id).Describe($"created flow '{flow.Name}' ({Describe(draft.Result)})");
        return AppResult<FlowDto>.Ok(FlowDto.From(flow, FlowDraftValidation.From(draft.Result)));
    }

    /// <summary>Replaces the draft (and the name it carries) if the flow is still at <paramref name="expectedVersion"/> (null: any).</summary>
    public async Task<AppResult<FlowDto>> SaveDraftAsync(CurrentActor actor, Guid id, long? expectedVersion, string json, CancellationToken ct)
    {
        if (tenant.Require(actor, Permissions.FlowsWrite) is { } refused)
        {
            return refused;
        }

        var found = await AdminWrites.FindCurrentAsync(db.Flows, f => f.Id == id, expectedVersion, ct);
        if (found.Value is not { } flow)
        {
            return found.Error!;
        }

        var read = await ReadDraftAsync(json, id, ct);
        if (read.Value is not { } draft)
        {
            return read.Error!;
        }

        flow.Name = draft.Name;
        flow.DraftJson = draft.Json;
        flow.UpdatedAt = time.GetUtcNow();
        if (!await TrySaveAsync(ct))
        {
            return AppError.Stale();
        }

        audit.Target("flow", flow.Id).Describe($"saved the draft of flow '{flow.Name}' ({Describe(draft.Result)})");
        return AppResult<FlowDto>.Ok(FlowDto.From(flow, FlowDraftValidation.From(draft.Result)));
    }

    /// <summary>
    /// Without <paramref name="version"/>: validates the draft and publishes it as a new version (the latest version again when the
    /// draft is unchanged since). With it: republishes that version after checking it against today's queues, flows and schedules.
    /// The published version's static prompts are rendered into the speech cache before the answer.
    /// </summary>
    public async Task<AppResult<FlowDto>> PublishAsync(CurrentActor actor, Guid id, long? expectedVersion, int? version, CancellationToken ct)
    {
        if (tenant.Require(actor, Permissions.FlowsWrite) is { } refused)
        {
            return refused;
        }

        var found = await AdminWrites.FindCurrentAsync(db.Flows, f => f.Id == id, expectedVersion, ct);
        if (found.Value is not { } flow)
        {
            return found.Error!;
        }

        var chosen = await db.FlowVersions.AsNoTracking().SingleOrDefaultAsync(v => v.FlowId == id && v.Number == (version ?? flow.LatestVersion), ct);
        if (version is { } number && chosen is null)
        {
            return AppError.Invalid("version", $"The flow has no version {number}.");
        }

        if (version is null && chosen?.Json != flow.DraftJson)
        {
            chosen = null;
        }

        var result = await checks.ValidateAsync(chosen?.Json ?? flow.DraftJson, ct);
        if (!result.IsValid)
        {
            return Invalid(result);
        }

        if (chosen is null)
        {
            chosen = new FlowVersion
            {
                FlowId = flow.Id, TenantId = flow.TenantId, Number = flow.LatestVersion + 1, Json = flow.DraftJson, PublishedAt = time.GetUtcNow(), PublishedBy = actor.Name,
            };
            db.FlowVersions.Add(chosen);
            flow.LatestVersion = chosen.Number;
        }

        var previous = flow.PublishedVersion;
        flow.PublishedVersion = chosen.Number;
        flow.UpdatedAt = time.GetUtcNow();
        if (!await TrySaveAsync(ct))
        {
            return AppError.Stale();
        }

        // Before answering: once a number points at this version, no caller waits for a static prompt's synthesis.
        await prerender.RunAsync(chosen.Json, ct);
        audit.Target("flow", flow.Id).Describe(
            $"published version {chosen.Number} of flow '{flow.Name}' (was {(previous is { } p ? $"version {p}" : "unpublished")})");
        return AppResult<FlowDto>.Ok(FlowDto.From(flow, FlowDraftValidation.From(await checks.ValidateAsync(flow.DraftJson, ct))));
    }

    /// <summary>The document as a storable draft: not too large, a flow document, named, the name free; else the refusal.</summary>
    private async Task<AppResult<FlowDraft>> ReadDraftAsync(string json, Guid? self, CancellationToken ct)
    {
        var max = options.Value.MaxDocumentBytes;
        if (Encoding.UTF8.GetByteCount(json) > max)
        {
            return new AppError(AppErrorKind.TooLarge, $"A flow document may hold at most {max} bytes.");
        }

        var result = await checks.ValidateAsync(json, ct);
        if (result.Document is null)
        {
            return Invalid(result);
        }

        var name = result.Document.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength)
        {
            return AppError.Invalid("/name", $"A flow needs a name of 1 to {MaxNameLength} characters.");
        }

        if (await db.Flows.AnyAsync(f => f.Name == name && f.Id != self, ct))
        {
            return AppError.Conflict($"A flow named '{name}' exists already.");
        }

        return AppResult<FlowDraft>.Ok(new FlowDraft(name, json, result));
    }

    private static AppError Invalid(FlowValidationResult result)
    {
        var errors = result.ToDictionary();
        var first = errors.First();
        return AppError.Invalid(first.Key, first.Value[0]) with { Errors = errors.AsReadOnly() };
    }

    private static string Describe(FlowValidationResult result) =>
        result.IsValid ? "valid" : $"{result.Errors.Count} validation errors";

    /// <summary>Saves; false when a concurrent change of the same row won (stale like an old If-Match).</summary>
    private async Task<bool> TrySaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            return false;
        }
    }
}
