namespace Parley.Flows.Model;

/// <summary>
/// Turns recording of this call on or off (<c>"recording": "on"</c> / <c>"off"</c>), overriding the queue's policy;
/// the last one the call passes wins. The recording itself starts when an agent answers.
/// </summary>
public sealed class RecordBlock : FlowBlock
{
    public const string On = "on";
    public const string Off = "off";

    protected override string TypeName => "record";
    public string? Recording { get; init; }
    public string? Next { get; init; }
    public override IEnumerable<FlowTransition> Transitions() => [new("next", Next)];
}
