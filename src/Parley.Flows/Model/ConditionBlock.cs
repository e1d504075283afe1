namespace Parley.Flows.Model;

/// <summary>Condition/switch: the first case whose expression holds is taken, else <see cref="Otherwise"/>.</summary>
public sealed class ConditionBlock : FlowBlock
{
    protected override string TypeName => "condition";
    public List<ConditionCase>? Cases { get; init; }
    public string? Otherwise { get; init; }

    public override IEnumerable<FlowTransition> Transitions()
    {
        var cases = Cases ?? [];
        for (var i = 0; i < cases.Count; i++)
        {
            yield return new($"cases/{i}/next", cases[i].Next);
        }
        yield return new("otherwise", Otherwise);
    }
}
