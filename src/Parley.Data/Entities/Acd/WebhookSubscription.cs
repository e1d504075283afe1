using Parley.Domain.Tenants;

namespace Parley.Data.Entities.Acd;

/// <summary>An HTTPS endpoint of the tenant that receives signed routing events.</summary>
public sealed class WebhookSubscription : ITenantOwned, IVersioned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public required string Url { get; set; }

    /// <summary>The signing secret, protected with ASP.NET Core data protection (never stored in clear).</summary>
    public required string ProtectedSecret { get; set; }

    /// <summary>Event types delivered (e.g. <c>interaction.offered</c>); empty: all.</summary>
    public List<string> EventTypes { get; set; } = [];

    public bool Active { get; set; } = true;

    public DateTimeOffset CreatedAt { get; set; }

    public long Version { get; set; }
}
