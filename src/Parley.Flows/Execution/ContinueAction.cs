namespace Parley.Flows.Execution;

/// <summary>The input did not concern the pending action (a key during an HTTP request): keep doing what you were doing.</summary>
public sealed record ContinueAction : FlowAction
{
    public static readonly ContinueAction Instance = new();
}
