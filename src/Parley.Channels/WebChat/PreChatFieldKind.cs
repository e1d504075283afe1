namespace Parley.Channels.WebChat;

/// <summary>What a pre-chat field asks for; the kind decides its check.</summary>
public enum PreChatFieldKind
{
    Name,
    Email,
    Phone,
    Custom,
}
