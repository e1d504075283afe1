namespace Parley.Flows.Execution;

/// <summary>
/// Everything an execution remembers between steps. A plain, JSON-serialisable object (<c>FlowJson.Serialize</c>), so
/// it can live on the call and survive a grain hop. <see cref="FlowInterpreter.Step"/> updates it in place.
/// </summary>
public sealed class FlowExecutionState
{
    public string RootFlowId { get; set; } = "";
    public string CurrentFlowId { get; set; } = "";
    /// <summary>The block waiting for input; null before the first step.</summary>
    public string? CurrentBlockId { get; set; }
    public bool Finished { get; set; }
    /// <summary>How it ended: <c>hangUp</c>, <c>transferred</c>, <c>step-limit</c>, <c>end</c>, <c>error</c>.</summary>
    public string? Outcome { get; set; }
    public int Steps { get; set; }
    /// <summary>Attempts spent in the current menu or collect block.</summary>
    public int Attempts { get; set; }
    public string? Language { get; set; }
    public string? Voice { get; set; }
    /// <summary>What the last <c>record</c> block chose for the call (true: record, false: do not); null: no choice.</summary>
    public bool? Record { get; set; }
    public string TimeZone { get; set; } = "UTC";
    public Dictionary<string, string> Call { get; set; } = new(StringComparer.Ordinal);
    public Dictionary<string, string> Variables { get; set; } = new(StringComparer.Ordinal);
    /// <summary>Loop counters keyed by <c>flowId/blockId</c>.</summary>
    public Dictionary<string, int> Loops { get; set; } = new(StringComparer.Ordinal);
    public List<FlowFrame> Frames { get; set; } = [];
    public List<FlowPathEntry> Path { get; set; } = [];
}
