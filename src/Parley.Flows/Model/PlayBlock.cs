namespace Parley.Flows.Model;

/// <summary>Plays a prompt, then continues. With barge-in a key press ends the prompt early (it is not an input).</summary>
public sealed class PlayBlock : FlowBlock
{
    protected override string TypeName => "play";
    public FlowPrompt? Prompt { get; init; }
    public bool? BargeIn { get; init; }
    public string? Next { get; init; }
    public override IEnumerable<FlowTransition> Transitions() => [new("next", Next)];
}
