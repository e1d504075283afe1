using Parley.Domain.Tenants;

namespace Parley.Data.Entities.Flows;

/// <summary>Business hours a flow's <c>businessHours</c> block reads: weekly opening ranges and holidays.</summary>
public sealed class Schedule : ITenantOwned, IVersioned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public required string Name { get; set; }

    /// <summary>IANA zone the hours are read in; null follows the tenant's zone.</summary>
    public string? TimeZone { get; set; }

    /// <summary>The weekly ranges and holidays as <c>Parley.Flows</c> schedule JSON.</summary>
    public required string Json { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public long Version { get; set; }
}
