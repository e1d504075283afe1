namespace Parley.Flows.Model;

/// <summary>Ends the flow by putting the call in a queue.</summary>
public sealed class TransferToQueueBlock : FlowBlock
{
    protected override string TypeName => "transferToQueue";
    /// <summary>Queue id or name as the tenant knows it.</summary>
    public string? Queue { get; init; }
    public int? Priority { get; init; }
    /// <summary>Required skills; each is a template, so <c>"{vars.language}"</c> takes a skill from a variable. Empty results are dropped.</summary>
    public List<string>? Skills { get; init; }
    /// <summary>Attributes carried to the agent; values are templates.</summary>
    public Dictionary<string, string>? Attributes { get; init; }
    /// <summary>Where to go if the host cannot queue the call; absent: hang up.</summary>
    public string? OnFailure { get; init; }
    public override IEnumerable<FlowTransition> Transitions() => [new("onFailure", OnFailure)];
}
