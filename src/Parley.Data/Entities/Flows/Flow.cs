using Parley.Domain.Tenants;

namespace Parley.Data.Entities.Flows;

/// <summary>
/// A tenant's IVR or bot flow: an editable draft (JSON, possibly with validation errors) and a pointer to the
/// published <see cref="FlowVersion"/> that numbers and queues run.
/// </summary>
public sealed class Flow : ITenantOwned, IVersioned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    /// <summary>The draft document's <c>name</c>, unique in the tenant.</summary>
    public required string Name { get; set; }

    /// <summary>The draft as last saved, exactly as submitted.</summary>
    public required string DraftJson { get; set; }

    /// <summary>The version calls run, or null before the first publish.</summary>
    public int? PublishedVersion { get; set; }

    /// <summary>The highest version number; versions are numbered 1, 2, ... per flow.</summary>
    public int LatestVersion { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public long Version { get; set; }
}
