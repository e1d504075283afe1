using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Data.Entities.Acd;
using Parley.Server.Tenants;

namespace Parley.Server.Routing;

/// <summary>
/// The database side of <see cref="RoutingOwnership"/>: an activation of a tenant's routing grain claims the next
/// epoch, and each of its saves updates the row only where the epoch is still its own, in the save's transaction.
/// Both are compare-and-set statements, so they need no lock beyond the row's and work alike on SQLite and PostgreSQL.
/// </summary>
internal static class RoutingOwnershipClaims
{
    private const int Attempts = 20;

    public static async Task<long> ClaimAsync(IServiceScopeFactory scopes, Guid tenantId, TimeProvider time, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var scope = scopes.OpenTenant(tenantId, out var db);
            var current = await db.RoutingOwnership.Where(o => o.TenantId == tenantId).Select(o => (long?)o.Epoch).SingleOrDefaultAsync(cancellationToken);
            var now = time.GetUtcNow();
            try
            {
                if (current is not { } held)
                {
                    db.RoutingOwnership.Add(new RoutingOwnership { TenantId = tenantId, Epoch = 1, ClaimedAt = now });
                    await db.SaveChangesAsync(cancellationToken);
                    return 1;
                }

                var next = held + 1;
                var claimed = await db.RoutingOwnership.Where(o => o.TenantId == tenantId && o.Epoch == held)
                    .ExecuteUpdateAsync(set => set.SetProperty(o => o.Epoch, next).SetProperty(o => o.ClaimedAt, now), cancellationToken);
                if (claimed == 1)
                {
                    return next;
                }
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                // Another activation inserted the tenant's first claim at the same moment: read it and claim after it.
            }

            if (attempt == Attempts)
            {
                throw new InvalidOperationException($"Routing of tenant {tenantId} could not claim ownership in {Attempts} attempts.");
            }
        }
    }

    /// <summary>
    /// Adds to the save an update of the ownership row that matches only while <paramref name="epoch"/> is the latest
    /// claim; otherwise the save fails with a concurrency conflict on that row (<see cref="IsLost"/>) and writes nothing.
    /// </summary>
    public static void CheckInSave(ParleyDbContext db, Guid tenantId, long epoch)
    {
        var entry = db.RoutingOwnership.Attach(new RoutingOwnership { TenantId = tenantId, Epoch = epoch });
        entry.Property(o => o.Epoch).IsModified = true;
    }

    public static bool IsLost(DbUpdateConcurrencyException exception) =>
        exception.Entries.Any(e => e.Entity is RoutingOwnership);
}
