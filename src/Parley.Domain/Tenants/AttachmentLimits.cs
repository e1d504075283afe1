namespace Parley.Domain.Tenants;

/// <summary>What a tenant accepts as an attachment: the defaults and the bounds a tenant admin may set.</summary>
public static class AttachmentLimits
{
    /// <summary>10 MiB.</summary>
    public const long DefaultMaxBytes = 10L * 1024 * 1024;

    /// <summary>The most a tenant may allow: 25 MiB (under Kestrel's default 30 MB request limit).</summary>
    public const long MaxMaxBytes = 25L * 1024 * 1024;

    /// <summary>Every type the server can recognise from a file's bytes (the allow-list may only name these).</summary>
    public static IReadOnlyList<string> Recognised { get; } =
        ["image/png", "image/jpeg", "image/gif", "image/webp", "application/pdf", "text/plain"];

    /// <summary>Images, PDF and plain text.</summary>
    public static IReadOnlyList<string> DefaultContentTypes => Recognised;

    /// <summary>The allowed types of a tenant: its list, or the defaults when it is empty.</summary>
    public static IReadOnlyList<string> AllowedFor(Tenant tenant) =>
        tenant.AttachmentContentTypes.Count > 0 ? tenant.AttachmentContentTypes : DefaultContentTypes;
}
