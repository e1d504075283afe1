namespace Parley.Flows.Model;

/// <summary>Sends calls down branches by percentage (the percentages add up to 100).</summary>
public sealed class DistributeBlock : FlowBlock
{
    protected override string TypeName => "distribute";
    public List<DistributionBranch>? Branches { get; init; }

    public override IEnumerable<FlowTransition> Transitions()
    {
        var branches = Branches ?? [];
        for (var i = 0; i < branches.Count; i++)
        {
            yield return new($"branches/{i}/next", branches[i].Next);
        }
    }
}
