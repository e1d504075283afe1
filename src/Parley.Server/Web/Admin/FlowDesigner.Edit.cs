using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Components;
using Parley.Server.Application;
using Parley.Server.Application.Admin;

namespace Parley.Server.Web.Admin;

/// <summary>The properties panel: a block's fields by type, its exits as picks among the blocks, its raw JSON; adding, deleting, renaming.</summary>
public sealed partial class FlowDesigner
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private string? _selected;
    private Dictionary<string, string?> _values = [];
    private Dictionary<string, string?> _targets = [];
    private string? _raw;
    private string? _panelError;
    private string _newType = "play";

    private void Select(string id)
    {
        if (_editor?.Block(id) is not null)
        {
            ShowBlock(id);
        }
    }

    private void ShowBlock(string id)
    {
        var editor = _editor!;
        (_selected, _panelError) = (id, null);
        _values = FlowBlockFields.For(editor.TypeOf(id)).ToDictionary(f => f.Pointer, f => editor.Get(id, f.Pointer), StringComparer.Ordinal);
        _targets = editor.Transitions(id).ToDictionary(t => t.Field, t => t.Target, StringComparer.Ordinal);
        _raw = editor.Block(id)?.ToJsonString(Indented);
    }

    /// <summary>Writes the fields that changed into the draft (unchanged ones keep their text as written) and checks the draft again.</summary>
    private async Task ApplyAsync()
    {
        if (_editor is not { } editor || _selected is not { } id)
        {
            return;
        }

        var changes = new List<(string Pointer, JsonNode? Value)>();
        foreach (var field in FlowBlockFields.For(editor.TypeOf(id)))
        {
            var value = Blank(_values.GetValueOrDefault(field.Pointer));
            if (value == editor.Get(id, field.Pointer))
            {
                continue;
            }

            if (!TryConvert(field.Kind, value, out var node))
            {
                _panelError = $"{field.Label}: {(field.Kind == FlowBlockFieldKind.Integer ? "a whole number" : "a number")}, please.";
                return;
            }

            changes.Add((field.Pointer, node));
        }

        foreach (var (field, target) in _targets)
        {
            var value = Blank(target);
            if (value != editor.Get(id, field))
            {
                changes.Add((field, value is null ? null : JsonValue.Create(value)));
            }
        }

        foreach (var (pointer, node) in changes)
        {
            editor.Set(id, pointer, node);
        }

        await ChangedAsync();
        ShowBlock(id);
    }

    private async Task ApplyRawAsync()
    {
        if (_editor is not { } editor || _selected is not { } id)
        {
            return;
        }

        if (!editor.Replace(id, _raw ?? ""))
        {
            _panelError = "The block must be a JSON object: { \"type\": …, \"id\": … }.";
            return;
        }

        // The raw edit may rename the block: keep the panel on it under its new id.
        var renamed = editor.BlockIds().Except(_diagram?.Nodes.Select(n => n.Id) ?? [], StringComparer.Ordinal).FirstOrDefault() ?? id;
        await ChangedAsync();
        if (editor.Block(renamed) is not null)
        {
            ShowBlock(renamed);
        }
        else
        {
            _selected = null;
        }
    }

    private async Task AddAsync()
    {
        if (_editor is not { } editor || _diagram is not { } diagram)
        {
            return;
        }

        var y = diagram.Nodes.Select(n => n.Y + FlowDiagram.NodeHeight + 34).DefaultIfEmpty(20).Max();
        var id = editor.Add(_newType, 20, y);
        await ChangedAsync();
        ShowBlock(id);
    }

    private async Task DeleteAsync()
    {
        if (_editor is { } editor && _selected is { } id)
        {
            editor.Delete(id);
            _selected = null;
            await ChangedAsync();
        }
    }

    private async Task RenameFlowAsync(ChangeEventArgs e)
    {
        if (_editor is { } editor)
        {
            editor.Name = e.Value as string;
            await ChangedAsync();
        }
    }

    /// <summary>The draft changed in the browser: mark it unsaved and draw it again with what validation finds now.</summary>
    private async Task ChangedAsync()
    {
        (_dirty, _notice) = (true, null);
        _exits = ExitsOf(_editor);
        var json = _editor!.ToJson();
        var check = await Runner.QueryAsync<FlowAdmin, AppResult<FlowDraftCheck>>(_actor, (s, ct) => s.CheckDraftAsync(_actor, json, ct), CancellationToken.None);
        if (check.Value is { } c)
        {
            (_diagram, _valid) = (c.Diagram, c.Valid);
        }
    }

    /// <summary>What validation says about this field of the block (pointer inside the block), or null.</summary>
    private string? ErrorAt(string id, string pointer) =>
        _diagram?.Nodes.FirstOrDefault(n => n.Id == id)?.FieldErrors.GetValueOrDefault(pointer) is { } messages ? string.Join(" ", messages) : null;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static bool TryConvert(FlowBlockFieldKind kind, string? value, out JsonNode? node)
    {
        node = null;
        if (value is null)
        {
            return true;
        }

        switch (kind)
        {
            case FlowBlockFieldKind.Integer when long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole):
                node = JsonValue.Create(whole);
                return true;
            case FlowBlockFieldKind.Number when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number):
                node = JsonValue.Create(number);
                return true;
            case FlowBlockFieldKind.Boolean:
                node = JsonValue.Create(value == "true");
                return true;
            case FlowBlockFieldKind.Text:
                node = JsonValue.Create(value);
                return true;
            default:
                return false;
        }
    }
}
