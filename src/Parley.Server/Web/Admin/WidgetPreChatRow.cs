using Parley.Channels.WebChat;

namespace Parley.Server.Web.Admin;

/// <summary>One field of a widget's pre-chat form being edited: its key, the label the visitor reads, its kind and whether it must be answered.</summary>
public sealed class WidgetPreChatRow
{
    public string Key { get; set; } = "";

    public string Label { get; set; } = "";

    public PreChatFieldKind Kind { get; set; } = PreChatFieldKind.Custom;

    public bool Required { get; set; }

    public static WidgetPreChatRow From(PreChatField field) => new() { Key = field.Key, Label = field.Label, Kind = field.Kind, Required = field.Required };

    public PreChatField ToField() => new(Key.Trim(), Label.Trim(), Kind, Required);
}
