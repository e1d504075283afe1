using Parley.Domain.Tenants;

namespace Parley.Data.Entities.Flows;

/// <summary>An immutable, validated snapshot of a flow's draft made by a publish; never changed or removed alone.</summary>
public sealed class FlowVersion : ITenantOwned
{
    public Guid FlowId { get; set; }

    public int Number { get; set; }

    public Guid TenantId { get; set; }

    public required string Json { get; set; }

    public DateTimeOffset PublishedAt { get; set; }

    /// <summary>Who published it (user name or API client id), for the version list.</summary>
    public string? PublishedBy { get; set; }
}
