namespace Parley.Domain.Tenants;

/// <summary>One enterprise on the platform. Everything it owns carries its <see cref="Id"/>.</summary>
public sealed class Tenant : IVersioned
{
    public Guid Id { get; set; }

    public required string Slug { get; set; }

    public required string Name { get; set; }

    public TenantStatus Status { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>IANA id of the zone whose midnight starts the tenant's "today" (queue statistics); "UTC" by default.</summary>
    public string TimeZone { get; set; } = TenantTimeZone.Default;

    /// <summary>
    /// Hosts a flow's HTTP request block may call (<see cref="FlowHttpHosts"/>): names or <c>*.domain</c> patterns.
    /// Empty (the default): HTTP blocks may call nothing.
    /// </summary>
    public List<string> FlowHttpAllowedHosts { get; set; } = [];

    /// <summary>Largest attachment (agents' and customers' uploads) in bytes; <see cref="AttachmentLimits.DefaultMaxBytes"/> by default.</summary>
    public long AttachmentMaxBytes { get; set; } = AttachmentLimits.DefaultMaxBytes;

    /// <summary>Content types attachments may have (as sniffed from their bytes); empty means <see cref="AttachmentLimits.DefaultContentTypes"/>.</summary>
    public List<string> AttachmentContentTypes { get; set; } = [];

    /// <summary>What the tenant rents (seats, caps); every limit unset by default.</summary>
    public TenantPlan Plan { get; set; } = new();

    public long Version { get; set; }
}
