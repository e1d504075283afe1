using System.Text.RegularExpressions;
using Parley.Server.Api.WebChat;
using Parley.Server.Application.Admin;

namespace Parley.Server.Web.Admin;

/// <summary>A chat widget being edited: the form binds these, the preview reads them as typed; <see cref="ToRequest"/> is the REST API's body.</summary>
public sealed partial class WidgetForm
{
    private WidgetDto? _read;

    public string Name { get; set; } = "";

    /// <summary>The public key; empty on a new widget lets the server choose a random one.</summary>
    public string Key { get; set; } = "";

    public string Title { get; set; } = "Chat with us";

    public string Colour { get; set; } = WidgetAdmin.DefaultColour;

    public string Greeting { get; set; } = "";

    public string OfflineMessage { get; set; } = "";

    /// <summary>Allowed origins, one per line (<c>self</c> for the Parley server's own pages).</summary>
    public string AllowedOrigins { get; set; } = "";

    public Guid? QueueId { get; set; }

    public Guid? FlowId { get; set; }

    public Guid? ScheduleId { get; set; }

    public List<WidgetPreChatRow> PreChatFields { get; } = [];

    /// <summary>The version read; an update sends it back (REST's If-Match).</summary>
    public long? Version => _read?.Version;

    /// <summary>The colour the preview paints: the typed one when it is a <c>#rrggbb</c> colour, else the default.</summary>
    public string PreviewColour => HexColour().IsMatch(Colour.Trim()) ? Colour.Trim() : WidgetAdmin.DefaultColour;

    public static WidgetForm From(WidgetDto w)
    {
        var form = new WidgetForm
        {
            _read = w,
            Name = w.Name,
            Key = w.Key,
            Title = w.Title,
            Colour = w.Colour,
            Greeting = w.Greeting ?? "",
            OfflineMessage = w.OfflineMessage ?? "",
            AllowedOrigins = string.Join('\n', w.AllowedOrigins),
            QueueId = w.QueueId,
            FlowId = w.FlowId,
            ScheduleId = w.ScheduleId,
        };
        form.PreChatFields.AddRange(w.PreChatFields.Select(WidgetPreChatRow.From));
        return form;
    }

    public WidgetRequest ToRequest() => new(
        Name.Trim(),
        NullIfEmpty(Key),
        [.. AllowedOrigins.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
        QueueId,
        FlowId,
        [.. PreChatFields.Select(f => f.ToField())],
        NullIfEmpty(Colour),
        Title.Trim(),
        NullIfEmpty(Greeting),
        NullIfEmpty(OfflineMessage),
        ScheduleId);

    private static string? NullIfEmpty(string text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex HexColour();
}
