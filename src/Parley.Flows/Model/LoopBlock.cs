namespace Parley.Flows.Model;

/// <summary>Goes to <see cref="Body"/> <see cref="Times"/> times (the body leads back here), then to <see cref="Exit"/> and resets.</summary>
public sealed class LoopBlock : FlowBlock
{
    protected override string TypeName => "loop";
    public int? Times { get; init; }
    /// <summary>Optional variable that holds the 1-based iteration number while in the body.</summary>
    public string? Variable { get; init; }
    public string? Body { get; init; }
    public string? Exit { get; init; }
    public override IEnumerable<FlowTransition> Transitions() => [new("body", Body, Bounded: true), new("exit", Exit)];
}
