namespace Parley.Flows.Execution;

/// <summary>A subflow call in progress: where to continue when the subflow returns.</summary>
public sealed class FlowFrame
{
    public string FlowId { get; set; } = "";
    public string? ReturnTo { get; set; }
}
