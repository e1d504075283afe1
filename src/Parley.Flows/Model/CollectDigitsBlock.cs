namespace Parley.Flows.Model;

/// <summary>Plays a prompt and collects a number of digits into a variable.</summary>
public sealed class CollectDigitsBlock : FlowBlock
{
    protected override string TypeName => "collectDigits";
    public FlowPrompt? Prompt { get; init; }
    /// <summary>Variable that receives the digits (without the terminator).</summary>
    public string? Variable { get; init; }
    public int? MinDigits { get; init; }
    public int? MaxDigits { get; init; }
    /// <summary>Key that ends entry early (default <c>#</c>; empty string for none).</summary>
    public string? Terminator { get; init; }
    /// <summary>Seconds to wait for the first digit (default 5).</summary>
    public double? TimeoutSeconds { get; init; }
    /// <summary>Seconds allowed between digits (default 3).</summary>
    public double? InterDigitTimeoutSeconds { get; init; }
    /// <summary>Regular expression the whole entry must match.</summary>
    public string? Pattern { get; init; }
    public int? Retries { get; init; }
    public FlowPrompt? NoInputPrompt { get; init; }
    public FlowPrompt? InvalidPrompt { get; init; }
    public bool? BargeIn { get; init; }
    public string? Next { get; init; }
    public string? OnNoInput { get; init; }
    public string? OnInvalid { get; init; }

    protected override bool WaitsForInput => true;

    public override IEnumerable<FlowTransition> Transitions() =>
        [new("next", Next), new("onNoInput", OnNoInput), new("onInvalid", OnInvalid)];
}
