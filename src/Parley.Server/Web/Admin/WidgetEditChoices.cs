using Parley.Channels.WebChat;

namespace Parley.Server.Web.Admin;

/// <summary>The fixed choices of the widget form.</summary>
internal static class WidgetEditChoices
{
    public static readonly IReadOnlyList<PreChatFieldKind> Kinds = Enum.GetValues<PreChatFieldKind>();
}
