using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Data.Entities.Acd;
using Parley.Server.Reports;

namespace Parley.Server.Routing.Saving;

/// <summary>
/// One routing save's transaction. It starts with what a save only ever inserts — the interactions created and the
/// routing-history entries — and the check that the saving activation still owns the tenant
/// (<see cref="RoutingOwnershipClaims"/>); the rest of the save (changed interactions, presence, webhook deliveries,
/// wrap-ups) is then tracked on the context, and <see cref="SaveAsync"/> writes it and commits. Either everything of the
/// save is durable or nothing is.
/// </summary>
internal abstract class RoutingSave : IAsyncDisposable
{
    /// <summary>
    /// Starts the save on <paramref name="db"/>: on PostgreSQL the inserted rows go out at once as one statement per table
    /// (<see cref="PostgresRoutingSave"/>; the report quarters they make stale are marked through
    /// <see cref="StaleQuarterMarker.MarkInsertedAsync"/>, as no interceptor sees them); elsewhere they are added to the context (<see cref="TrackedRoutingSave"/>).
    /// Throws <see cref="Cluster.Routing.Ports.RoutingOwnershipLostException"/> when the ownership check can already tell.
    /// </summary>
    public static async Task<RoutingSave> BeginAsync(
        ParleyDbContext db, StaleQuarterMarker marker, Guid tenantId, long epoch, IReadOnlyList<InteractionRecord> created,
        IReadOnlyList<RoutingHistoryEntry> history, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql())
        {
            return TrackedRoutingSave.Begin(db, tenantId, epoch, created, history);
        }

        var save = await PostgresRoutingSave.BeginAsync(db, tenantId, epoch, created, history, cancellationToken);
        await marker.MarkInsertedAsync(db, created, history, cancellationToken);
        return save;
    }

    /// <summary>Writes what the context tracks and commits the whole save.</summary>
    public abstract Task SaveAsync(CancellationToken cancellationToken);

    public virtual ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
