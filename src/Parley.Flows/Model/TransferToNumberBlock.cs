namespace Parley.Flows.Model;

/// <summary>Ends the flow by calling an external number through the tenant's trunk.</summary>
public sealed class TransferToNumberBlock : FlowBlock
{
    protected override string TypeName => "transferToNumber";
    /// <summary>E.164 number (a template).</summary>
    public string? Number { get; init; }
    /// <summary>Caller id to present (a template); absent: the trunk's policy.</summary>
    public string? CallerId { get; init; }
    public string? OnFailure { get; init; }
    public override IEnumerable<FlowTransition> Transitions() => [new("onFailure", OnFailure)];
}
