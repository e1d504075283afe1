namespace Parley.Channels.WebChat;

/// <summary>One field of a widget's pre-chat form: <paramref name="Key"/> names the value (e.g. <c>orderNumber</c>).</summary>
public sealed record PreChatField(string Key, string Label, PreChatFieldKind Kind, bool Required);
