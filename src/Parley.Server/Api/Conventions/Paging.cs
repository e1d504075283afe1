using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace Parley.Server.Api.Conventions;

/// <summary>Keyset pagination over a unique string key: stable under inserts, no offsets.</summary>
public static class Paging
{
    public const string InvalidCursor = "The cursor is not valid; start again without it.";

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

        return await query.ToPageAsync(key, page, map, cancellationToken) is { } found
            ? TypedResults.Ok(found)
            : ApiProblems.Invalid("cursor", InvalidCursor);
    }

    /// <summary>
    /// The page <paramref name="page"/> asks for in the order of <paramref name="key"/>, at most
    /// <see cref="PageRequest.EffectiveLimit"/> items; null when its cursor is not one of ours. For application services,
    /// which answer their own errors (and check <see cref="PageRequest.LimitProblem"/> first).
    /// </summary>
    public static async Task<Page<TDto>?> ToPageAsync<T, TDto>(
        this IQueryable<T> query,
        Expression<Func<T, string>> key,
        PageRequest page,
        Func<T, TDto> map,
        CancellationToken cancellationToken)
    {
        if (!page.TryDecodeCursor(out var after))
        {
            return null;
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
        return new Page<TDto>(rows.Take(limit).Select(map).ToList(), next);
    }
}
