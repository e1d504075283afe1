using Microsoft.EntityFrameworkCore;
using Parley.Cluster.Routing.Ports;
using Parley.Data;
using Parley.Data.Entities.Acd;

namespace Parley.Server.Routing.Saving;

/// <summary>
/// A routing save written by EF's change tracker in one <c>SaveChanges</c> (SQLite: in-process, where building the rows
/// costs less than the statements they replace). The ownership check is an update of the tenant's ownership row that
/// matches only its own epoch, so a lost claim fails the whole <c>SaveChanges</c>.
/// </summary>
internal sealed class TrackedRoutingSave(ParleyDbContext db, Guid tenantId, long epoch) : RoutingSave
{
    public static TrackedRoutingSave Begin(
        ParleyDbContext db, Guid tenantId, long epoch, IReadOnlyList<InteractionRecord> created, IReadOnlyList<RoutingHistoryEntry> history)
    {
        RoutingOwnershipClaims.CheckInSave(db, tenantId, epoch);
        db.Interactions.AddRange(created);
        db.RoutingHistory.AddRange(history);
        return new TrackedRoutingSave(db, tenantId, epoch);
    }

    public override async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException exception) when (RoutingOwnershipClaims.IsLost(exception))
        {
            throw new RoutingOwnershipLostException(tenantId, epoch, exception);
        }
    }
}
