namespace Parley.Server.WebChat;

/// <summary>
/// The widget's start of a chat: the pre-chat answers (keys as the widget's form names them), the page it runs on, the
/// browser's visitor id (random, kept by the widget across chats; it only links a visitor's chats for the agent), and
/// <c>transcript</c>: e-mail the transcript to the form's e-mail answer after the end.
/// </summary>
public sealed record StartChatRequest(Dictionary<string, string>? PreChat, string? Page, string? Visitor = null, bool Transcript = false);
