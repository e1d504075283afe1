namespace Parley.Flows.Model;

/// <summary>Where execution begins; exactly one per flow.</summary>
public sealed class StartBlock : FlowBlock
{
    protected override string TypeName => "start";
    public string? Next { get; init; }
    public override IEnumerable<FlowTransition> Transitions() => [new("next", Next)];
}
