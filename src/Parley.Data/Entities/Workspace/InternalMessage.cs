using Parley.Domain.Tenants;

namespace Parley.Data.Entities.Workspace;

/// <summary>One message of the internal one-to-one chat between two users of a tenant.</summary>
public sealed class InternalMessage : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid FromUserId { get; set; }

    public Guid ToUserId { get; set; }

    /// <summary>Plain text (never rendered as HTML).</summary>
    public required string Text { get; set; }

    public DateTimeOffset SentAt { get; set; }

    /// <summary>When the recipient read it; null while unread.</summary>
    public DateTimeOffset? ReadAt { get; set; }
}
