namespace Parley.Flows.Model;

/// <summary>Where execution begins; exactly one per flow.</summary>
public sealed class StartBlock : FlowBlock
{
    public override string Kind => "start";
    public string? Next { get; init; }
    public override IEnumerable<FlowTransition> Transitions() => [new("next", Next)];
}
