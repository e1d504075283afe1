using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Data.Entities.Voice;
using Parley.Domain.Security;
using Parley.Server.Api.Conventions;
using Parley.Server.Auth;

namespace Parley.Server.Api.Calls;

/// <summary>
/// <c>/api/v1/calls</c>: the tenant's call records (CDRs), newest first, filtered and cursor-paged, and one call with its
/// legs and IVR path. Another tenant's call answers 404 like a missing one.
/// </summary>
public static class CallsApi
{
    public static RouteGroupBuilder MapCallsApi(this RouteGroupBuilder api)
    {
        var calls = api.MapGroup("/calls").WithTags("Calls");
        calls.MapGet("/", ListAsync).RequirePermission(Permissions.CallsRead)
            .WithSummary("List call records, newest first")
            .Produces<Page<CallSummaryDto>>()
            .ProducesValidationProblem();
        calls.MapGet("/{id:guid}", GetAsync).RequirePermission(Permissions.CallsRead)
            .WithSummary("Get one call record with its legs and IVR path")
            .Produces<CallDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> ListAsync(ParleyDbContext db, [AsParameters] CallListQuery query, CancellationToken ct)
    {
        if (!CallFilter.TryCreate(query, out var filter, out var errors))
        {
            return ApiProblems.Invalid(errors);
        }

        var page = new PageRequest(query.Limit, query.Cursor);
        if (page.LimitRefusal is { } refusedLimit)
        {
            return refusedLimit;
        }

        if (!CallCursor.TryDecode(page, out var cursor))
        {
            return ApiProblems.Invalid("cursor", "The cursor is not valid; start again without it.");
        }

        var calls = filter.Apply(db.Set<CallRecordRow>().AsNoTracking());
        if (cursor is { } after)
        {
            var (at, id) = (after.ArrivedAt, after.Id);
            calls = calls.Where(c => c.ArrivedAt < at || (c.ArrivedAt == at && c.Id.CompareTo(id) < 0));
        }

        var limit = page.EffectiveLimit;
        var rows = await calls.OrderByDescending(c => c.ArrivedAt).ThenByDescending(c => c.Id).Take(limit + 1).ToListAsync(ct);
        var next = rows.Count > limit ? new CallCursor(rows[limit - 1].ArrivedAt, rows[limit - 1].Id).Encode() : null;
        return TypedResults.Ok(new Page<CallSummaryDto>(rows.Take(limit).Select(CallSummaryDto.From).ToList(), next));
    }

    private static async Task<IResult> GetAsync(Guid id, ParleyDbContext db, CancellationToken ct)
    {
        var call = await db.Set<CallRecordRow>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (call is null)
        {
            return ApiProblems.NotFound();
        }

        var legs = await db.Set<CallLegRow>().AsNoTracking().Where(l => l.CallId == id).ToListAsync(ct);
        return TypedResults.Ok(CallDto.From(call, legs.OrderBy(l => l.CreatedAt).ThenBy(l => l.Id)));
    }
}
