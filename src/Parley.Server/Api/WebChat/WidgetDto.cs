using Parley.Channels.WebChat;
using Parley.Data.Entities.Chat;
using Parley.Server.WebChat;

namespace Parley.Server.Api.WebChat;

/// <summary>A chat widget as the API shows it, with the tag to paste into a web page.</summary>
public sealed record WidgetDto(
    Guid Id, string Name, string Key, IReadOnlyList<string> AllowedOrigins, Guid? QueueId, Guid? FlowId, IReadOnlyList<PreChatField> PreChatFields,
    string Colour, string Title, string? Greeting, string? OfflineMessage, long Version, Guid? ScheduleId)
{
    public string Snippet => SnippetAt("");

    /// <summary>The tag with the script's absolute address on <paramref name="origin"/> (<c>https://parley.example.com</c>; empty: relative).</summary>
    public string SnippetAt(string origin) => $"<script src=\"{origin.TrimEnd('/')}/webchat/widget.js\" data-widget-key=\"{Key}\" async></script>";

    public static WidgetDto From(ChatWidget w) => new(
        w.Id, w.Name, w.Key, WidgetLookup.Origins(w), w.QueueId, w.FlowId, WidgetLookup.Fields(w), w.Colour, w.Title, w.Greeting, w.OfflineMessage, w.Version, w.ScheduleId);
}
