namespace Parley.Server.Application.Chats;

/// <summary>
/// Attributes a transfer adds to the chat's new interaction: the conversation it continues (<c>chatId</c>, how the
/// transcript is found), who handed it on and their note; and to the ended one, where it went (<c>transferredTo</c>). The
/// workspace shows them as the transfer, not as customer data.
/// </summary>
public static class ChatTransferAttributes
{
    public const string ChatId = "chatId";
    public const string TransferredBy = "transferredBy";
    public const string Note = "transferNote";

    /// <summary>On the interaction a transfer ended: the agent's name, or "the Support queue".</summary>
    public const string TransferredTo = "transferredTo";

    /// <summary>Notes longer than this are refused.</summary>
    public const int MaxNoteLength = 1000;

    /// <summary>True for the attributes that describe the transfer rather than the customer.</summary>
    public static bool IsInternal(string key) => key is ChatId or TransferredBy or Note or TransferredTo;

    /// <summary>The conversation an interaction's attributes point to (a transferred chat), else the interaction itself (the first).</summary>
    public static Guid ConversationOf(Guid interactionId, IReadOnlyDictionary<string, string> attributes) =>
        attributes.TryGetValue(ChatId, out var chat) && Guid.TryParse(chat, out var id) ? id : interactionId;
}
