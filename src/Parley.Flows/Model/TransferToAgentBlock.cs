namespace Parley.Flows.Model;

/// <summary>Ends the flow by offering the call to one agent.</summary>
public sealed class TransferToAgentBlock : FlowBlock
{
    protected override string TypeName => "transferToAgent";
    /// <summary>Agent id (a template).</summary>
    public string? Agent { get; init; }
    public string? OnFailure { get; init; }
    public override IEnumerable<FlowTransition> Transitions() => [new("onFailure", OnFailure)];
}
