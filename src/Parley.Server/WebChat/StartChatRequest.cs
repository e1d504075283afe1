namespace Parley.Server.WebChat;

/// <summary>The widget's start of a chat: the pre-chat answers (keys as the widget's form names them) and the page it runs on.</summary>
public sealed record StartChatRequest(Dictionary<string, string>? PreChat, string? Page);
