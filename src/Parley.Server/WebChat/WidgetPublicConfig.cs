using Parley.Channels.WebChat;

namespace Parley.Server.WebChat;

/// <summary>What the widget script needs to draw itself: looks, greeting, the pre-chat form, and whether chats are taken now.</summary>
public sealed record WidgetPublicConfig(
    string Title, string Colour, string? Greeting, string? OfflineMessage, bool Online, IReadOnlyList<PreChatField> PreChatFields);
