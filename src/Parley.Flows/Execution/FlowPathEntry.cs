namespace Parley.Flows.Execution;

/// <summary>One block visited: when, for how long, what the caller gave it and which way it went.</summary>
public sealed class FlowPathEntry
{
    public string FlowId { get; set; } = "";
    public string BlockId { get; set; } = "";
    public string BlockType { get; set; } = "";
    public DateTimeOffset EnteredAt { get; set; }
    public TimeSpan? Duration { get; set; }
    public List<string>? Inputs { get; set; }
    /// <summary>The branch taken, named by the block's field (<c>next</c>, <c>options/1/next</c>, <c>open</c>, ...).</summary>
    public string? Branch { get; set; }
}
