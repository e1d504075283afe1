using Microsoft.Extensions.Options;
using Parley.Flows.Execution;
using Parley.Flows.Json;
using Parley.Flows.Model;

namespace Parley.Flows.Validation;

/// <summary>
/// Checks a flow and returns every problem at once, each with a JSON Pointer into the document. Runs on save and on
/// publish; the interpreter assumes a flow that passed.
/// </summary>
public sealed partial class FlowValidator(IOptions<FlowOptions> options)
{
    private readonly FlowOptions _options = options.Value;

    public FlowValidator(FlowOptions options)
        : this(Options.Create(options))
    {
    }

    /// <summary>Reads and validates JSON text; malformed JSON gives one error located by pointer, line and byte.</summary>
    public FlowValidationResult Validate(string json, FlowValidationContext context)
    {
        var parsed = FlowJson.Parse(json);
        if (parsed.Document is null)
        {
            return parsed;
        }
        var errors = new List<FlowValidationError>(parsed.Errors);
        errors.AddRange(Validate(parsed.Document, context).Errors);
        return new(parsed.Document, errors);
    }

    public FlowValidationResult Validate(FlowDocument document, FlowValidationContext context)
    {
        var errors = new List<FlowValidationError>();
        var blocks = document.Blocks ?? [];
        if (blocks.Count + document.UnreadBlockIds.Count > _options.MaxBlocks)
        {
            errors.Add(new("/blocks", FlowErrorKind.TooManyBlocks,
                $"The flow has {blocks.Count + document.UnreadBlockIds.Count} blocks; at most {_options.MaxBlocks} are allowed."));
        }
        CheckVoice(document.Voice, "/voice", context, errors);
        CheckLanguage(document.Language, "/language", context, errors);
        foreach (var name in (document.Variables ?? []).Keys)
        {
            CheckVariableName(name, JsonPointer.Append("/variables", name), errors);
        }
        var ids = CheckIds(document, errors);
        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            var pointer = $"/blocks/{(block.SourceIndex >= 0 ? block.SourceIndex : i)}";
            CheckTransitions(block, pointer, ids, document.UnreadBlockIds, errors);
            CheckBlock(block, pointer, context, errors);
        }
        CheckGraph(document, errors);
        return new(document, errors);
    }

    private static Dictionary<string, FlowBlock> CheckIds(FlowDocument document, List<FlowValidationError> errors)
    {
        var ids = new Dictionary<string, FlowBlock>(StringComparer.Ordinal);
        var starts = 0;
        var blocks = document.Blocks ?? [];
        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            var pointer = Pointer(block, i);
            if (block is StartBlock && ++starts > 1)
            {
                errors.Add(new(pointer + "/type", FlowErrorKind.InvalidValue, "A flow has exactly one start block; this is another."));
            }
            if (string.IsNullOrWhiteSpace(block.Id))
            {
                errors.Add(new(pointer + "/id", FlowErrorKind.MissingField, "The block has no id."));
            }
            else if (!ids.TryAdd(block.Id, block) || document.UnreadBlockIds.Contains(block.Id))
            {
                errors.Add(new(pointer + "/id", FlowErrorKind.DuplicateBlockId, $"Another block already has the id '{block.Id}'."));
            }
        }
        if (starts == 0)
        {
            errors.Add(new("/blocks", FlowErrorKind.MissingStart, "The flow has no start block."));
        }
        return ids;
    }

    private static void CheckTransitions(
        FlowBlock block, string pointer, Dictionary<string, FlowBlock> ids, IReadOnlySet<string> unread,
        List<FlowValidationError> errors)
    {
        foreach (var transition in block.Transitions())
        {
            if (transition.Target is { } target && !ids.ContainsKey(target) && !unread.Contains(target))
            {
                errors.Add(new($"{pointer}/{transition.Field}", FlowErrorKind.MissingTarget,
                    $"There is no block with the id '{target}'."));
            }
        }
    }

    internal static string Pointer(FlowBlock block, int index) => $"/blocks/{(block.SourceIndex >= 0 ? block.SourceIndex : index)}";
}
