using Parley.Data.Entities.Workspace;

namespace Parley.Server.Application.Attachments;

/// <summary>An attachment's metadata; its bytes are at <c>GET /api/v1/attachments/{id}</c>.</summary>
public sealed record AttachmentView(Guid Id, string FileName, string ContentType, long SizeBytes, string Sha256, DateTimeOffset CreatedAt)
{
    public static AttachmentView From(Attachment row) => new(row.Id, row.FileName, row.ContentType, row.SizeBytes, row.Sha256, row.CreatedAt);
}
