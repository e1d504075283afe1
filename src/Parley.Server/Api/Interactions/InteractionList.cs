using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Server.Api.Conventions;

namespace Parley.Server.Api.Interactions;

/// <summary>
/// <c>GET /api/v1/interactions</c>: the tenant's interactions, newest first, paged by the tenant's arrival sequence
/// (keyset: stable while new interactions arrive; they land before the first page).
/// </summary>
internal static class InteractionList
{
    public static async Task<IResult> ListAsync(ParleyDbContext db, [AsParameters] InteractionListQuery query, CancellationToken ct)
    {
        if (!InteractionFilter.TryCreate(query, out var filter, out var errors))
        {
            return ApiProblems.Invalid(errors);
        }

        var page = new PageRequest(query.Limit, query.Cursor);
        if (page.LimitRefusal is { } refusedLimit)
        {
            return refusedLimit;
        }

        if (!TryDecodeSequence(page, out var before))
        {
            return ApiProblems.Invalid("cursor", "The cursor is not valid; start again without it.");
        }

        var records = filter.Apply(db.Interactions.AsNoTracking());
        if (before is { } last)
        {
            records = records.Where(i => i.Sequence < last);
        }

        var limit = page.EffectiveLimit;
        var rows = await records.OrderByDescending(i => i.Sequence).Take(limit + 1).ToListAsync(ct);
        var next = rows.Count > limit ? PageRequest.Encode(rows[limit - 1].Sequence.ToString(CultureInfo.InvariantCulture)) : null;
        return TypedResults.Ok(new Page<InteractionSummaryDto>(rows.Take(limit).Select(InteractionSummaryDto.From).ToList(), next));
    }

    /// <summary>The arrival sequence the page continues below, null for the first page; false for a cursor not ours.</summary>
    private static bool TryDecodeSequence(PageRequest page, out long? before)
    {
        before = null;
        if (!page.TryDecodeCursor(out var key))
        {
            return false;
        }

        if (key is null)
        {
            return true;
        }

        if (!long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
        {
            return false;
        }

        before = sequence;
        return true;
    }
}
