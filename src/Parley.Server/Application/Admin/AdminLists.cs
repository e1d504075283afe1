using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace Parley.Server.Application.Admin;

/// <summary>Sorting and windowing on the server: the database orders, counts and skips, the page gets only its rows.</summary>
internal static class AdminLists
{
    public static IOrderedQueryable<T> SortBy<T, TKey>(this IQueryable<T> rows, Expression<Func<T, TKey>> key, bool descending) =>
        descending ? rows.OrderByDescending(key) : rows.OrderBy(key);

    public static async Task<ListPage<TDto>> ToListPageAsync<T, TDto>(this IOrderedQueryable<T> rows, ListQuery query, Func<T, TDto> map, CancellationToken ct)
    {
        var total = await rows.CountAsync(ct);
        var items = await rows.Skip(query.EffectiveSkip).Take(query.EffectiveTake).ToListAsync(ct);
        return new ListPage<TDto>(items.Select(map).ToArray(), total);
    }
}
