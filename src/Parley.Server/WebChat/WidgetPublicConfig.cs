using Parley.Channels.WebChat;

namespace Parley.Server.WebChat;

/// <summary>What the widget script needs to draw itself: looks, greeting, the pre-chat form, whether chats are taken now (a queue, inside the widget's business hours), and whether transcripts can be e-mailed.</summary>
public sealed record WidgetPublicConfig(
    string Title, string Colour, string? Greeting, string? OfflineMessage, bool Online, IReadOnlyList<PreChatField> PreChatFields, bool Transcripts = false);
