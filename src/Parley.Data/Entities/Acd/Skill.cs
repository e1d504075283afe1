using Parley.Domain.Tenants;

namespace Parley.Data.Entities.Acd;

/// <summary>A tenant-defined skill such as "sales" or "french"; agents hold it with a proficiency, queues require it.</summary>
public sealed class Skill : ITenantOwned, IVersioned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public required string Name { get; set; }

    public string? Description { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public long Version { get; set; }
}
