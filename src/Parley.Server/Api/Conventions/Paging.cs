using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace Parley.Server.Api.Conventions;

/// <summary>Keyset pagination over a unique string key: stable under inserts, no offsets.</summary>
public static class Paging
{
    public static async Task<IResult> ToPageResultAsync<T, TDto>(
        this IQueryable<T> query,
        Expression<Func<T, string>> key,
        PageRequest page,
        Func<T, TDto> map,
        CancellationToken cancellationToken)
    {
        if (page.LimitRefusal is { } refusedLimit)
        {
            return refusedLimit;
        }

        if (!page.TryDecodeCursor(out var after))
        {
            return ApiProblems.Invalid("cursor", "The cursor is not valid; start again without it.");
        }

        if (after is not null)
        {
            var parameter = key.Parameters[0];
            var compare = Expression.Call(typeof(string), nameof(string.Compare), null, key.Body, Expression.Constant(after));
            var predicate = Expression.Lambda<Func<T, bool>>(Expression.GreaterThan(compare, Expression.Constant(0)), parameter);
            query = query.Where(predicate);
        }

        var limit = page.EffectiveLimit;
        var rows = await query.OrderBy(key).Take(limit + 1).ToListAsync(cancellationToken);
        var compiledKey = key.Compile();
        var next = rows.Count > limit ? PageRequest.Encode(compiledKey(rows[limit - 1])) : null;
        return TypedResults.Ok(new Page<TDto>(rows.Take(limit).Select(map).ToList(), next));
    }
}
