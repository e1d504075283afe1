using Parley.Domain.Tenants;

namespace Parley.Data.Entities.Workspace;

/// <summary>
/// A prepared answer an agent inserts with <c>/shortcut</c>: tenant-wide (<see cref="OwnerUserId"/> null, kept by
/// administrators) or personal (one agent's own).
/// </summary>
public sealed class CannedResponse : ITenantOwned, IVersioned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    /// <summary>The user whose personal response this is; null for the tenant's.</summary>
    public Guid? OwnerUserId { get; set; }

    /// <summary>Typed after <c>/</c>, e.g. <c>hello</c>; unique per owner (personal ones shadow the tenant's).</summary>
    public required string Shortcut { get; set; }

    public required string Title { get; set; }

    /// <summary>The text inserted, with placeholders such as <c>{{customer.name}}</c>.</summary>
    public required string Text { get; set; }

    /// <summary>Optional BCP 47 language tag, e.g. <c>en</c> or <c>de-CH</c>.</summary>
    public string? Language { get; set; }

    public List<string> Tags { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }

    public long Version { get; set; }
}
