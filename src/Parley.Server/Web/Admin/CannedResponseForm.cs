using Parley.Server.Application.CannedResponses;

namespace Parley.Server.Web.Admin;

/// <summary>A tenant canned response being edited: the form binds these; <see cref="ToInput"/> is the REST API's body.</summary>
public sealed class CannedResponseForm
{
    private CannedResponseView? _read;

    public string Shortcut { get; set; } = "";

    public string Title { get; set; } = "";

    public string Text { get; set; } = "";

    public string Language { get; set; } = "";

    /// <summary>Tags separated by commas.</summary>
    public string Tags { get; set; } = "";

    /// <summary>The version read; an update sends it back (REST's If-Match).</summary>
    public long? Version => _read?.Version;

    public static CannedResponseForm From(CannedResponseView r) => new()
    {
        _read = r,
        Shortcut = r.Shortcut,
        Title = r.Title,
        Text = r.Text,
        Language = r.Language ?? "",
        Tags = string.Join(", ", r.Tags),
    };

    public CannedResponseInput ToInput() => new(
        Shortcut.Trim(),
        Title.Trim(),
        Text,
        CannedResponseScopes.Tenant,
        string.IsNullOrWhiteSpace(Language) ? null : Language.Trim(),
        [.. Tags.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]);
}
