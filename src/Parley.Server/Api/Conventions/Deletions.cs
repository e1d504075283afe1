using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace Parley.Server.Api.Conventions;

/// <summary>The plain delete the APIs share: 404 when absent (or another tenant's), else remove, save, audit, 204.</summary>
public static class Deletions
{
    public static async Task<IResult> DeleteSingleAsync<T>(this DbSet<T> set, Expression<Func<T, bool>> match, DbContext db, Action<T> audit, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(audit);
        var entity = await set.SingleOrDefaultAsync(match, cancellationToken);
        if (entity is null)
        {
            return ApiProblems.NotFound();
        }

        set.Remove(entity);
        await db.SaveChangesAsync(cancellationToken);
        audit(entity);
        return TypedResults.NoContent();
    }
}
