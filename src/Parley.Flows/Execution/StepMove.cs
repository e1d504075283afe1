namespace Parley.Flows.Execution;

/// <summary>What a block decided: wait with an action for the host, or go to <see cref="Next"/> by <see cref="Branch"/>.</summary>
internal readonly record struct StepMove(string? Next, string? Branch, FlowAction? Action)
{
    public static StepMove Go(string? next, string branch) => new(next, branch, null);
    public static StepMove Wait(FlowAction action) => new(null, null, action);
}
