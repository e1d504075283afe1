using Parley.Flows.Trial;

namespace Parley.Server.Api.Flows;

/// <summary>The answer of a try: actions, prompts spoken, blocks visited with the branch taken, and how it ended.</summary>
public sealed record FlowTryResultDto(
    IReadOnlyList<FlowTrialStep> Steps, IReadOnlyList<string> Prompts, IReadOnlyList<FlowTryPathDto> Path, string? Outcome, bool WaitingForInput)
{
    public static FlowTryResultDto From(FlowTrialResult result) => new(
        result.Steps,
        result.Prompts.ToList(),
        result.Path.Select(p => new FlowTryPathDto(p.FlowId, p.BlockId, p.BlockType, p.Inputs ?? [], p.Branch)).ToList(),
        result.Outcome,
        result.WaitingForInput);
}
