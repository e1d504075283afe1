using Parley.Data.Entities.Chat;

namespace Parley.Server.Application.Chats;

/// <summary>A chat message as the API and the workspace show it: <c>from</c> is <c>customer</c> or <c>agent</c>; text is text, never HTML.</summary>
public sealed record ChatMessageView(long Seq, string From, string? Name, string Text, DateTimeOffset At)
{
    internal static ChatMessageView Of(ChatMessageRow row) => new(row.Seq, row.Direction, row.SenderName, row.Text, row.At);
}
