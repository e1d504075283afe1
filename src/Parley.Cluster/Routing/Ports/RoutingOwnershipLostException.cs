namespace Parley.Cluster.Routing.Ports;

/// <summary>
/// Another activation of the tenant's routing grain has claimed the tenant since this one loaded it (see
/// <see cref="IRoutingStore.ClaimAsync"/>): nothing of the save was written, this activation steps down, and the
/// command is worth retrying, since the retry reaches the activation that owns the tenant now.
/// </summary>
[GenerateSerializer]
public sealed class RoutingOwnershipLostException : Exception
{
    public RoutingOwnershipLostException()
    {
    }

    public RoutingOwnershipLostException(string message)
        : base(message)
    {
    }

    public RoutingOwnershipLostException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public RoutingOwnershipLostException(Guid tenantId, long epoch, Exception? innerException = null)
        : base($"Routing of tenant {tenantId} was claimed by another activation after epoch {epoch}; this one steps down.", innerException)
    {
    }
}
