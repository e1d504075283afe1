namespace Parley.Flows.Model;

/// <summary>Runs another published flow; when it reaches a <c>return</c> block, execution continues at <see cref="Next"/>.</summary>
public sealed class SubflowBlock : FlowBlock
{
    protected override string TypeName => "subflow";
    public string? FlowId { get; init; }
    public string? Next { get; init; }
    public override IEnumerable<FlowTransition> Transitions() => [new("next", Next)];
}
