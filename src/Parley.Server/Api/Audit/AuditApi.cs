using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Domain.Security;
using Parley.Server.Api.Conventions;
using Parley.Server.Application;
using Parley.Server.Application.Admin;
using Parley.Server.Audit;
using Parley.Server.Auth;

namespace Parley.Server.Api.Audit;

/// <summary><c>/api/v1/audit</c>: who changed what, and proof that the record is intact.</summary>
public static class AuditApi
{
    public static RouteGroupBuilder MapAuditApi(this RouteGroupBuilder api)
    {
        var audit = api.MapGroup("/audit").WithTags("Audit");
        audit.MapGet("/", ListAsync).RequirePermission(Permissions.AuditRead);
        audit.MapGet("/verify", VerifyAsync).RequirePermission(Permissions.AuditRead);
        return api;
    }

    private static async Task<IResult> ListAsync(ParleyDbContext db, [AsParameters] AuditQuery query, CancellationToken ct)
    {
        var page = new PageRequest(query.Limit, query.Cursor);
        if (page.LimitRefusal is { } refusedLimit)
        {
            return refusedLimit;
        }

        if (!page.TryDecodeCursor(out var after) || (after is not null && !long.TryParse(after, CultureInfo.InvariantCulture, out _)))
        {
            return ApiProblems.Invalid("cursor", "The cursor is not valid; start again without it.");
        }

        var entries = db.AuditEntries.AsNoTracking();
        if (after is not null)
        {
            var before = long.Parse(after, CultureInfo.InvariantCulture);
            entries = entries.Where(e => e.Sequence < before);
        }

        if (query.From is { } from)
        {
            entries = entries.Where(e => e.At >= from);
        }

        if (query.To is { } to)
        {
            entries = entries.Where(e => e.At < to);
        }

        if (!string.IsNullOrEmpty(query.Actor))
        {
            entries = entries.Where(e => e.ActorId == query.Actor || e.ActorName == query.Actor);
        }

        if (!string.IsNullOrEmpty(query.Action))
        {
            entries = entries.Where(e => e.Action == query.Action);
        }

        var limit = page.EffectiveLimit;
        var rows = await entries.OrderByDescending(e => e.Sequence).Take(limit + 1).ToListAsync(ct);
        var next = rows.Count > limit ? PageRequest.Encode(rows[limit - 1].Sequence.ToString(CultureInfo.InvariantCulture)) : null;
        return TypedResults.Ok(new Page<AuditEntryDto>(rows.Take(limit).Select(AuditEntryDto.From).ToList(), next));
    }

    private static async Task<IResult> VerifyAsync(HttpContext http, AuditLogAdmin log, CancellationToken ct) =>
        (await log.VerifyAsync(CurrentActor.Require(http.User), ct)).ToHttp(v => TypedResults.Ok(v));
}
