using Parley.Channels.WebChat;
using Parley.Data.Entities.Chat;

namespace Parley.Server.WebChat;

/// <summary>Reads a stored message's attachment columns.</summary>
internal static class ChatAttachments
{
    public static ChatAttachmentInfo? InfoOf(ChatMessageRow message) =>
        message.AttachmentId is { } id ? new ChatAttachmentInfo(id, message.AttachmentName ?? "attachment", message.AttachmentType ?? "application/octet-stream", message.AttachmentSize ?? 0) : null;
}
