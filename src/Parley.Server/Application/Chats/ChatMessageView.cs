using Parley.Channels.WebChat;
using Parley.Data.Entities.Chat;
using Parley.Server.WebChat;

namespace Parley.Server.Application.Chats;

/// <summary>
/// A chat message as the API and the workspace show it: <c>from</c> is <c>customer</c> or <c>agent</c>; <c>name</c> is the
/// agent's display name, or the customer's name from the interaction's attributes (the pre-chat form's; null when none); text is text, never
/// HTML; <c>attachment</c> (id, name, type, size) when it carries a file, downloaded through
/// <c>GET /api/v1/interactions/{id}/attachments/{attachmentId}</c>.
/// </summary>
public sealed record ChatMessageView(long Seq, string From, string? Name, string Text, DateTimeOffset At, ChatAttachmentInfo? Attachment = null)
{
    internal static ChatMessageView Of(ChatMessageRow row) => Of(row, null);

    internal static ChatMessageView Of(ChatMessageRow row, string? customerName) => new(
        row.Seq, row.Direction, row.SenderName ?? (row.Direction == ChatMessageRow.FromCustomer ? customerName : null), row.Text, row.At,
        ChatAttachments.InfoOf(row));
}
