namespace Parley.Flows.Model;

/// <summary>Ends the call.</summary>
public sealed class HangUpBlock : FlowBlock
{
    protected override string TypeName => "hangUp";
    public string? Reason { get; init; }
}
