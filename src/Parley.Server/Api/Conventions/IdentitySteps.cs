using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Parley.Server.Api.Conventions;

/// <summary>
/// Identity writes that belong together: the steps run in order inside one database transaction, the first
/// failed <see cref="IdentityResult"/> stops them and rolls back every step before it, so a request either
/// applies all of its changes or none.
/// </summary>
public static class IdentitySteps
{
    public static async Task<IdentityResult> RunAsync(DbContext db, CancellationToken cancellationToken, params Func<Task<IdentityResult>>[] steps)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var step in steps)
        {
            var result = await step();
            if (!result.Succeeded)
            {
                return result;
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return IdentityResult.Success;
    }
}
