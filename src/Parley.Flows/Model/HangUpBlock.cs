namespace Parley.Flows.Model;

/// <summary>Ends the call.</summary>
public sealed class HangUpBlock : FlowBlock
{
    public override string Kind => "hangUp";
    public string? Reason { get; init; }
}
