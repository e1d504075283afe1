using System.Text.Json.Serialization;

namespace Parley.Flows.Model;

/// <summary>A flow: defaults for prompts, initial variables and the blocks. Stored and exchanged as JSON.</summary>
public sealed class FlowDocument
{
    private Dictionary<string, FlowBlock>? _index;

    public string? Name { get; init; }
    /// <summary>Default language for prompts and recognition (e.g. <c>en-US</c>).</summary>
    public string? Language { get; init; }
    /// <summary>Default text-to-speech voice.</summary>
    public string? Voice { get; init; }
    /// <summary>Variables set when an execution starts.</summary>
    public Dictionary<string, string>? Variables { get; init; }
    public List<FlowBlock>? Blocks { get; init; }

    /// <summary>Ids of blocks the parser could not read (already reported), so edges to them are not reported again.</summary>
    [JsonIgnore]
    internal IReadOnlySet<string> UnreadBlockIds { get; init; } = new HashSet<string>();

    /// <summary>The start block, if there is one.</summary>
    [JsonIgnore]
    public StartBlock? Start => Blocks?.OfType<StartBlock>().FirstOrDefault();

    /// <summary>The block with this id (the first one if ids repeat, which validation refuses).</summary>
    public FlowBlock? Find(string? id)
    {
        if (id is null)
        {
            return null;
        }
        _index ??= BuildIndex();
        return _index.GetValueOrDefault(id);
    }

    private Dictionary<string, FlowBlock> BuildIndex()
    {
        var index = new Dictionary<string, FlowBlock>(StringComparer.Ordinal);
        foreach (var block in Blocks ?? [])
        {
            if (block.Id is not null)
            {
                index.TryAdd(block.Id, block);
            }
        }
        return index;
    }
}
