using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Data.Entities.Flows;
using Parley.Server.Api.Conventions;
using Parley.Server.Audit;
using Parley.Server.Auth;

namespace Parley.Server.Api.Flows;

/// <summary>Publishing, rolling back and the immutable version history.</summary>
public static partial class FlowsApi
{
    /// <summary>
    /// Without a body (or without <c>version</c>): validates the draft and publishes it as a new version (the latest
    /// version again when the draft is unchanged since). With <c>version</c>: republishes that version after checking
    /// it against today's queues, flows and schedules. If-Match is checked when sent. The published version's static
    /// prompts are rendered into the speech cache before the answer.
    /// </summary>
    private static async Task<IResult> PublishAsync(
        Guid id, FlowPublishRequest? request, HttpContext http,
        ParleyDbContext db, FlowChecks checks, FlowPromptPrerender prerender, AuditScope audit, TimeProvider time, CancellationToken ct)
    {
        var flow = await db.Flows.SingleOrDefaultAsync(f => f.Id == id, ct);
        if (flow is null)
        {
            return ApiProblems.NotFound();
        }

        if (http.Request.Headers.IfMatch.Count > 0 && ETags.CheckIfMatch(http, flow.Version) is { } precondition)
        {
            return precondition;
        }

        FlowVersion? version;
        if (request?.Version is { } number)
        {
            version = await db.FlowVersions.AsNoTracking().SingleOrDefaultAsync(v => v.FlowId == id && v.Number == number, ct);
            if (version is null)
            {
                return ApiProblems.Invalid("version", $"The flow has no version {number}.");
            }
        }
        else
        {
            version = await db.FlowVersions.AsNoTracking().SingleOrDefaultAsync(v => v.FlowId == id && v.Number == flow.LatestVersion, ct);
            if (version?.Json != flow.DraftJson)
            {
                version = null;
            }
        }

        var result = await checks.ValidateAsync(version?.Json ?? flow.DraftJson, ct);
        if (!result.IsValid)
        {
            return ApiProblems.Invalid(result.ToDictionary());
        }

        if (version is null)
        {
            version = new FlowVersion
            {
                FlowId = flow.Id,
                TenantId = flow.TenantId,
                Number = flow.LatestVersion + 1,
                Json = flow.DraftJson,
                PublishedAt = time.GetUtcNow(),
                PublishedBy = CurrentActor.Require(http.User).Name,
            };
            db.FlowVersions.Add(version);
            flow.LatestVersion = version.Number;
        }

        var previous = flow.PublishedVersion;
        flow.PublishedVersion = version.Number;
        flow.UpdatedAt = time.GetUtcNow();
        if (await SaveAsync(db, ct) is { } stale)
        {
            return stale;
        }

        // Before answering: once a number points at this version, no caller waits for a static prompt's synthesis.
        await prerender.RunAsync(version.Json, ct);
        audit.Target("flow", flow.Id).Describe(
            $"published version {version.Number} of flow '{flow.Name}' (was {(previous is { } p ? $"version {p}" : "unpublished")})");
        ETags.Set(http, flow.Version);
        return TypedResults.Ok(FlowDto.From(flow, FlowDraftValidation.From(await checks.ValidateAsync(flow.DraftJson, ct))));
    }

    /// <summary>Newest first, cursor-paged by version number.</summary>
    private static async Task<IResult> ListVersionsAsync(Guid id, ParleyDbContext db, [AsParameters] PageRequest page, CancellationToken ct)
    {
        var flow = await db.Flows.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id, ct);
        if (flow is null)
        {
            return ApiProblems.NotFound();
        }

        if (!page.TryDecodeCursor(out var after))
        {
            return ApiProblems.Invalid("cursor", "The cursor is not valid; start again without it.");
        }

        var before = after is not null && int.TryParse(after, out var n) ? n : int.MaxValue;
        var limit = page.EffectiveLimit;
        var rows = await db.FlowVersions.AsNoTracking()
            .Where(v => v.FlowId == id && v.Number < before)
            .OrderByDescending(v => v.Number)
            .Take(limit + 1)
            .ToListAsync(ct);
        var next = rows.Count > limit ? PageRequest.Encode(rows[limit - 1].Number.ToString(System.Globalization.CultureInfo.InvariantCulture)) : null;
        return TypedResults.Ok(new Page<FlowVersionSummaryDto>([.. rows.Take(limit).Select(v => FlowVersionSummaryDto.From(v, flow.PublishedVersion))], next));
    }

    private static async Task<IResult> GetVersionAsync(Guid id, int n, ParleyDbContext db, CancellationToken ct)
    {
        var flow = await db.Flows.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id, ct);
        var version = flow is null ? null : await db.FlowVersions.AsNoTracking().SingleOrDefaultAsync(v => v.FlowId == id && v.Number == n, ct);
        return version is null ? ApiProblems.NotFound() : TypedResults.Ok(FlowVersionDto.From(version, flow!.PublishedVersion));
    }
}
