using Parley.Domain.Tenants;

namespace Parley.Data.Entities.Usage;

/// <summary>
/// API requests of a tenant answered by one node in one UTC hour. The node writes its absolute count (never an
/// increment), so a repeated flush or a restart that reloads the count never double counts; usage sums the nodes.
/// </summary>
public sealed class ApiCallCount : ITenantOwned
{
    public long Id { get; set; }

    public Guid TenantId { get; set; }

    public DateTimeOffset Hour { get; set; }

    public required string NodeId { get; set; }

    public long Count { get; set; }
}
