using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Parley.Flows.Execution;
using Parley.Flows.Model;
using Parley.Flows.Schedules;
using Parley.Flows.Validation;

namespace Parley.Flows.Json;

/// <summary>Reading and writing flows, schedules and execution state as JSON.</summary>
public static class FlowJson
{
    /// <summary>Writes <c>+</c>, <c>&lt;</c> and non-ASCII text as-is: flows are JSON documents, never embedded in HTML.</summary>
    private static readonly FlowJsonContext Writer = new(new JsonSerializerOptions(FlowJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>
    /// Reads a flow. Never throws on bad input: malformed JSON, wrong shapes and unknown block types come back as
    /// errors with pointers; blocks that could be read are kept so that validation can report everything at once.
    /// </summary>
    public static FlowValidationResult Parse(string json)
    {
        var utf8 = Encoding.UTF8.GetBytes(json);
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(utf8, documentOptions: new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException)
        {
            var located = MalformedJsonLocator.Locate(utf8) ?? ("", "The JSON is malformed.");
            return new(null, [new(located.Pointer, FlowErrorKind.MalformedJson, located.Message)]);
        }
        if (root is not JsonObject obj)
        {
            return new(null, [new("", FlowErrorKind.MalformedJson, "A flow is a JSON object.")]);
        }
        var errors = new List<FlowValidationError>();
        var blocks = new List<FlowBlock>();
        var unread = new HashSet<string>(StringComparer.Ordinal);
        if (obj["blocks"] is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                var block = ReadBlock(array[i], $"/blocks/{i}", errors);
                if (block is not null)
                {
                    block.SourceIndex = i;
                    blocks.Add(block);
                }
                else if (array[i] is JsonObject raw && raw["id"] is JsonValue id && id.TryGetValue<string>(out var text))
                {
                    unread.Add(text);
                }
            }
        }
        else if (obj["blocks"] is not null)
        {
            errors.Add(new("/blocks", FlowErrorKind.InvalidValue, "'blocks' must be an array."));
        }
        else
        {
            errors.Add(new("/blocks", FlowErrorKind.MissingField, "The flow has no 'blocks'."));
        }
        var shell = (JsonObject)obj.DeepClone();
        shell.Remove("blocks");
        FlowDocument? header;
        try
        {
            header = shell.Deserialize(FlowJsonContext.Default.FlowDocument);
        }
        catch (JsonException e)
        {
            errors.Add(new(JsonPointer.FromJsonPath(e.Path), FlowErrorKind.InvalidValue, $"This value has the wrong type: {e.Message}"));
            header = null;
        }
        var document = new FlowDocument
        {
            Name = header?.Name,
            Language = header?.Language,
            Voice = header?.Voice,
            Variables = header?.Variables,
            Blocks = blocks,
            UnreadBlockIds = unread,
        };
        return new(document, errors);
    }

    /// <summary>Reads a flow that is known to be well formed (a published version); throws <see cref="FormatException"/> otherwise.</summary>
    public static FlowDocument ParseTrusted(string json)
    {
        var result = Parse(json);
        if (result.Document is null || result.Errors.Count > 0)
        {
            throw new FormatException(string.Join(" ", result.Errors.Select(e => $"{e.Pointer}: {e.Message}")));
        }
        return result.Document;
    }

    public static string Serialize(FlowDocument document) => JsonSerializer.Serialize(document, Writer.FlowDocument);

    public static BusinessSchedule? ParseSchedule(string json) => JsonSerializer.Deserialize(json, FlowJsonContext.Default.BusinessSchedule);

    public static string Serialize(BusinessSchedule schedule) => JsonSerializer.Serialize(schedule, Writer.BusinessSchedule);

    /// <summary>The blocks an execution visited, as the JSON kept on the call's record.</summary>
    public static string SerializePath(List<FlowPathEntry> path) => JsonSerializer.Serialize(path, FlowJsonContext.Default.ListFlowPathEntry);

    public static string Serialize(FlowExecutionState state) => JsonSerializer.Serialize(state, FlowJsonContext.Default.FlowExecutionState);

    public static FlowExecutionState DeserializeState(string json) =>
        JsonSerializer.Deserialize(json, FlowJsonContext.Default.FlowExecutionState) ?? throw new FormatException("The execution state is null.");

    private static FlowBlock? ReadBlock(JsonNode? node, string pointer, List<FlowValidationError> errors)
    {
        if (node is not JsonObject block)
        {
            errors.Add(new(pointer, FlowErrorKind.InvalidValue, "A block is a JSON object."));
            return null;
        }
        if (block["type"] is not JsonValue typeValue || !typeValue.TryGetValue<string>(out var type))
        {
            errors.Add(new(pointer + "/type", FlowErrorKind.MissingField, "The block has no 'type'."));
            return null;
        }
        if (!FlowBlock.KnownTypes.Contains(type))
        {
            errors.Add(new(pointer + "/type", FlowErrorKind.UnknownBlockType,
                $"'{type}' is not a block type; known types are {string.Join(", ", FlowBlock.KnownTypes)}."));
            return null;
        }
        try
        {
            return block.Deserialize(FlowJsonContext.Default.FlowBlock);
        }
        catch (JsonException e)
        {
            errors.Add(new(pointer + JsonPointer.FromJsonPath(e.Path), FlowErrorKind.InvalidValue,
                "This value has the wrong type for the field."));
            return null;
        }
    }
}
