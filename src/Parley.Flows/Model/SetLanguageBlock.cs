namespace Parley.Flows.Model;

/// <summary>Changes the language (and optionally the voice) used by later prompts and recognition.</summary>
public sealed class SetLanguageBlock : FlowBlock
{
    protected override string TypeName => "setLanguage";
    public string? Language { get; init; }
    public string? Voice { get; init; }
    public string? Next { get; init; }
    public override IEnumerable<FlowTransition> Transitions() => [new("next", Next)];
}
