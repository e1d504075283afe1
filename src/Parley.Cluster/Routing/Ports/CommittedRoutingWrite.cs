namespace Parley.Cluster.Routing.Ports;

/// <summary>A write that was already durable when it was handed over: a store that cannot leave a transaction open.</summary>
public sealed class CommittedRoutingWrite : IRoutingCommit
{
    public static readonly CommittedRoutingWrite Instance = new();

    private CommittedRoutingWrite()
    {
    }

    public Task CommitAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
