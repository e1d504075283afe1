using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Data.Entities.Flows;
using Parley.Server.Api.Conventions;
using Parley.Server.Audit;
using Parley.Server.Application;
using Parley.Server.Application.Admin;
using Parley.Server.Auth;

namespace Parley.Server.Api.Flows;

/// <summary>Publishing, rolling back and the immutable version history.</summary>
public static partial class FlowsApi
{
    /// <summary>
    /// Publishes the draft, or with <c>version</c> republishes that version (a roll back): <see cref="FlowAdmin.PublishAsync"/>,
    /// shared with the designer. If-Match is checked when sent.
    /// </summary>
    private static async Task<IResult> PublishAsync(Guid id, FlowPublishRequest? request, HttpContext http, FlowAdmin flows, CancellationToken ct)
    {
        long? expected = null;
        if (http.Request.Headers.IfMatch.Count > 0 && IfMatch.Read(http, out expected) is { } precondition)
        {
            return precondition;
        }

        return (await flows.PublishAsync(CurrentActor.Require(http.User), id, expected, request?.Version, ct)).ToHttp(f => Answer(http, f, created: false));
    }

    /// <summary>Newest first, cursor-paged by version number.</summary>
    private static async Task<IResult> ListVersionsAsync(Guid id, ParleyDbContext db, [AsParameters] PageRequest page, CancellationToken ct)
    {
        var flow = await db.Flows.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id, ct);
        if (flow is null)
        {
            return ApiProblems.NotFound();
        }

        if (page.LimitRefusal is { } refusedLimit)
        {
            return refusedLimit;
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
