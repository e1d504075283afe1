namespace Parley.Server.Application.Attachments;

/// <summary>An attachment to send: its metadata and the path of its bytes.</summary>
public sealed record AttachmentFile(AttachmentView Attachment, string Path);
