using Microsoft.EntityFrameworkCore.Storage;
using Parley.Cluster.Routing.Ports;
using Parley.Server.Webhooks;

namespace Parley.Server.Routing;

/// <summary>A routing change set written in an open transaction; the sender is woken once its webhook deliveries are committed.</summary>
internal sealed class EfRoutingCommit(AsyncServiceScope scope, IDbContextTransaction transaction, WebhookOutbox? deliveries) : IRoutingCommit
{
    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        await transaction.CommitAsync(cancellationToken);
        deliveries?.Wake();
    }

    public async ValueTask DisposeAsync()
    {
        await transaction.DisposeAsync();
        await scope.DisposeAsync();
    }
}
