namespace Parley.Flows.Execution;

/// <summary>What happened since the last action: the host's answer to it.</summary>
public abstract record FlowInput
{
    /// <summary>The first step of an execution.</summary>
    public static readonly FlowInput Begin = new BeginInput();
    public static readonly FlowInput Timeout = new TimeoutInput();
    public static readonly FlowInput PromptFinished = new PromptFinishedInput();
}
