using Microsoft.EntityFrameworkCore;
using Parley.Domain.Tenants;

namespace Parley.Server.Api.Conventions;

/// <summary>The read of one versioned resource that every API shares: 404 when absent (or another tenant's), else 200 with its ETag.</summary>
public static class VersionedResults
{
    public static async Task<IResult> ToETaggedResultAsync<T, TDto>(this IQueryable<T> query, HttpContext http, Func<T, TDto> map, CancellationToken cancellationToken)
        where T : class, IVersioned
    {
        var entity = await query.SingleOrDefaultAsync(cancellationToken);
        if (entity is null)
        {
            return ApiProblems.NotFound();
        }

        ETags.Set(http, entity.Version);
        return TypedResults.Ok(map(entity));
    }
}
