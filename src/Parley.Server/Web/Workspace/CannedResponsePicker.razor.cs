using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Parley.Server.Application.CannedResponses;

namespace Parley.Server.Web.Workspace;

/// <summary>
/// The send box with canned responses, for any pane that sends text (the chat pane mounts it around its send box; the
/// internal chat uses it too). The component is pure UI over <see cref="CannedResponseExpander"/>: the host passes the
/// responses it read through the application layer and the placeholder values (<c>customer.name</c>, <c>agent.name</c>…).
/// The caret is taken to be at the end of the text (where typing happens); <c>js/canned-responses.js</c> keeps the
/// browser from moving the caret or adding a line on the keys the list uses.
/// </summary>
public sealed partial class CannedResponsePicker
{
    private readonly string _id = "canned-" + Guid.NewGuid().ToString("N")[..8];
    private IReadOnlyList<CannedResponseView> _matches = [];
    private bool _open;
    private int _active;
    private int _start;
    private string _query = "";

    [Parameter]
    public string Value { get; set; } = "";

    [Parameter]
    public EventCallback<string> ValueChanged { get; set; }

    [Parameter]
    public IReadOnlyList<CannedResponseView> Responses { get; set; } = [];

    [Parameter]
    public IReadOnlyDictionary<string, string> Values { get; set; } = new Dictionary<string, string>();

    /// <summary>Called on Enter while the list is closed (Shift+Enter adds a line).</summary>
    [Parameter]
    public EventCallback Submit { get; set; }

    [Parameter]
    public string Label { get; set; } = "Message";

    [Parameter]
    public string? Placeholder { get; set; } = "Type a message; / for canned responses";

    [Parameter]
    public int Rows { get; set; } = 3;

    [Parameter]
    public int MaxLength { get; set; } = 4000;

    [Parameter]
    public bool Disabled { get; set; }

    /// <summary>
    /// Each keystroke's text. Bound with <c>@bind</c> (not <c>value</c> + <c>@oninput</c>) so that Blazor records the browser's
    /// text before rendering: a render for an earlier keystroke then does not overwrite characters typed since (fast typists
    /// lost letters: "/co" became "/o").
    /// </summary>
    private async Task OnTypedAsync(string? typed)
    {
        Value = typed ?? "";
        await ValueChanged.InvokeAsync(Value);
        if (CannedResponseExpander.TokenAt(Value, Value.Length) is { } token)
        {
            (_start, _query) = token;
            _matches = CannedResponseExpander.Match(Responses, _query);
            _active = Math.Clamp(_active, 0, Math.Max(0, _matches.Count - 1));
            _open = true;
        }
        else
        {
            Close();
        }
    }

    private async Task OnKeyDownAsync(KeyboardEventArgs e)
    {
        if (!_open)
        {
            if (e.Key == "Enter" && !e.ShiftKey && Submit.HasDelegate)
            {
                await Submit.InvokeAsync();
            }

            return;
        }

        switch (e.Key)
        {
            case "ArrowDown" when _matches.Count > 0:
                _active = (_active + 1) % _matches.Count;
                break;
            case "ArrowUp" when _matches.Count > 0:
                _active = (_active + _matches.Count - 1) % _matches.Count;
                break;
            case "Enter" or "Tab" when _matches.Count > 0:
                await InsertAsync(_active);
                break;
            case "Escape":
                Close();
                break;
        }
    }

    private async Task InsertAsync(int index)
    {
        var (text, _) = CannedResponseExpander.Insert(Value, _start, Value.Length, _matches[index], Values);
        Value = text;
        Close();
        await ValueChanged.InvokeAsync(Value);
    }

    private void Close()
    {
        _open = false;
        _matches = [];
        _active = 0;
    }

    private string Preview(CannedResponseView response)
    {
        var filled = CannedResponseExpander.Fill(response.Text, Values).ReplaceLineEndings(" ");
        return filled.Length > 80 ? filled[..79] + "…" : filled;
    }
}
