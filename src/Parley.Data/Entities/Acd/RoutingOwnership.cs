using Parley.Domain.Tenants;

namespace Parley.Data.Entities.Acd;

/// <summary>
/// Which activation of a tenant's routing grain may write its routing state. Each activation claims the next
/// <see cref="Epoch"/> before it loads, and every save checks that the epoch is still its own in the same transaction;
/// so when a cluster briefly runs two activations of one tenant (a node joining, a split directory), the older one's
/// next save fails and it steps down instead of the two writing over each other.
/// </summary>
public sealed class RoutingOwnership : ITenantOwned
{
    public Guid TenantId { get; set; }

    public long Epoch { get; set; }

    public DateTimeOffset ClaimedAt { get; set; }
}
