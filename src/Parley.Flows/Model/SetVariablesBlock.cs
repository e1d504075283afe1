namespace Parley.Flows.Model;

/// <summary>Sets variables; each value is a template (<c>"{call.caller}"</c>, <c>"gold"</c>).</summary>
public sealed class SetVariablesBlock : FlowBlock
{
    protected override string TypeName => "setVariables";
    public Dictionary<string, string>? Values { get; init; }
    public string? Next { get; init; }
    public override IEnumerable<FlowTransition> Transitions() => [new("next", Next)];
}
