using Parley.Flows.Execution;

namespace Parley.Flows.Trial;

/// <summary>
/// What a trial run did: the actions in order, the blocks visited (<see cref="Path"/>), the outcome when the
/// execution ended, and whether it stopped waiting for more input than was typed.
/// </summary>
public sealed record FlowTrialResult(
    IReadOnlyList<FlowTrialStep> Steps, IReadOnlyList<FlowPathEntry> Path, string? Outcome, bool WaitingForInput)
{
    /// <summary>Every prompt spoken, in order.</summary>
    public IEnumerable<string> Prompts => Steps.SelectMany(s => s.Prompts);
}
