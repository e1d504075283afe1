using Parley.Domain.Tenants;

namespace Parley.Data.Entities.Workspace;

/// <summary>
/// The metadata of a stored file (the bytes are at <c>{DataDirectory}/tenants/{TenantId}/attachments/{Id}</c>). The
/// content type is the one sniffed from the file's first bytes, never the client's claim.
/// </summary>
public sealed class Attachment : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    /// <summary>The file name as uploaded, cleaned of paths and control characters.</summary>
    public required string FileName { get; set; }

    public required string ContentType { get; set; }

    public long SizeBytes { get; set; }

    /// <summary>Lower-case hex SHA-256 of the stored bytes.</summary>
    public required string Sha256 { get; set; }

    /// <summary><c>user</c>, <c>client</c> or <c>customer</c>.</summary>
    public required string UploadedByType { get; set; }

    public required string UploadedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
