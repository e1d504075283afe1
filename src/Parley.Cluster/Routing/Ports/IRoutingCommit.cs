namespace Parley.Cluster.Routing.Ports;

/// <summary>
/// Changes written by <see cref="IRoutingStore.WriteAsync"/> in a transaction still open. <see cref="CommitAsync"/>
/// makes them durable; disposing without committing discards them.
/// </summary>
public interface IRoutingCommit : IAsyncDisposable
{
    Task CommitAsync(CancellationToken cancellationToken);
}
