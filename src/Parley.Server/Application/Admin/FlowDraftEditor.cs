using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Parley.Flows.Json;
using Parley.Flows.Model;

namespace Parley.Server.Application.Admin;

/// <summary>
/// The designer's edits, made on the draft's JSON itself (the source of truth): members it does not know, the order of the
/// members and blocks it does not touch and the numbers as written all stay as they were. A block is found by its id;
/// fields are JSON Pointers inside the block (<c>prompt/text</c>, <c>options/1/next</c>).
/// </summary>
public sealed partial class FlowDraftEditor
{
    private static readonly JsonSerializerOptions Writer = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly JsonObject _root;

    private FlowDraftEditor(JsonObject root) => _root = root;

    /// <summary>The draft to edit; null when it is not a JSON object (the stored draft always is).</summary>
    public static FlowDraftEditor? Parse(string json)
    {
        try
        {
            return JsonNode.Parse(json) is JsonObject root ? new FlowDraftEditor(root) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public string ToJson() => _root.ToJsonString(Writer);

    public string? Name
    {
        get => Text(_root["name"]);
        set => SetMember(_root, "name", string.IsNullOrWhiteSpace(value) ? null : JsonValue.Create(value));
    }

    /// <summary>The block with this id, or null.</summary>
    public JsonObject? Block(string id) => Blocks().OfType<JsonObject>().FirstOrDefault(b => Text(b["id"]) == id);

    /// <summary>The block's <c>type</c>.</summary>
    public string? TypeOf(string id) => Block(id) is { } b ? Text(b["type"]) : null;

    /// <summary>The ids of the blocks, in document order.</summary>
    public IReadOnlyList<string> BlockIds() => [.. Blocks().OfType<JsonObject>().Select(b => Text(b["id"])).OfType<string>()];

    /// <summary>The value at <paramref name="pointer"/> inside the block as text (numbers and yes/no as written), or null when absent.</summary>
    public string? Get(string id, string pointer) => Block(id) is { } block && Resolve(block, pointer, create: false) is ({ } parent, { } last) ? Text(Child(parent, last)) : null;

    /// <summary>Sets (or with null removes) the member at <paramref name="pointer"/> inside the block, making the objects on the way.</summary>
    public void Set(string id, string pointer, JsonNode? value)
    {
        if (Block(id) is { } block && Resolve(block, pointer, create: value is not null) is ({ } parent, { } last))
        {
            if (parent is JsonObject o)
            {
                SetMember(o, last, value);
            }
            else if (parent is JsonArray a && int.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < a.Count && value is not null)
            {
                a[i] = value;
            }
        }
    }

    /// <summary>The block's transitions as its type defines them (field, target), empty for a block the model cannot read.</summary>
    public IReadOnlyList<FlowTransition> Transitions(string id) => AllTransitions().GetValueOrDefault(id) ?? [];

    /// <summary>Every readable block's transitions by block id (the first block of a repeated id).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<FlowTransition>> AllTransitions()
    {
        var all = new Dictionary<string, IReadOnlyList<FlowTransition>>(StringComparer.Ordinal);
        foreach (var block in FlowJson.Parse(ToJson()).Document?.Blocks ?? [])
        {
            if (block.Id is { } id)
            {
                all.TryAdd(id, [.. block.Transitions()]);
            }
        }

        return all;
    }

    /// <summary>
    /// Replaces the whole block (the raw JSON edit); false when the text is not a JSON object. A new id carries the block's
    /// position and the exits that led to it.
    /// </summary>
    public bool Replace(string id, string json)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return false;
        }

        var blocks = Blocks();
        var index = blocks.IndexOf(Block(id));
        if (node is not JsonObject block || index < 0)
        {
            return false;
        }

        var before = AllTransitions();
        blocks[index] = block;
        if (Text(block["id"]) is { } renamed && renamed != id)
        {
            Rename(before, id, renamed);
        }

        return true;
    }

    private JsonArray Blocks()
    {
        if (_root["blocks"] is JsonArray blocks)
        {
            return blocks;
        }

        var made = new JsonArray();
        _root["blocks"] = made;
        return made;
    }

    private static (JsonNode? Parent, string? Last) Resolve(JsonObject block, string pointer, bool create)
    {
        var parts = pointer.Split('/');
        JsonNode? at = block;
        for (var i = 0; i < parts.Length - 1 && at is not null; i++)
        {
            var next = Child(at, parts[i]);
            if (next is null && create && at is JsonObject o)
            {
                next = new JsonObject();
                o[parts[i]] = next;
            }

            at = next;
        }

        return (at, parts[^1]);
    }

    private static JsonNode? Child(JsonNode node, string part) => node switch
    {
        JsonObject o => o[part],
        JsonArray a when int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < a.Count => a[i],
        _ => null,
    };

    private static void SetMember(JsonObject o, string name, JsonNode? value)
    {
        if (value is null)
        {
            o.Remove(name);
        }
        else
        {
            o[name] = value;
        }
    }

    private static string? Text(JsonNode? node) => node switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v => v.ToJsonString(),
        _ => null,
    };
}
