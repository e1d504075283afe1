namespace Parley.Flows.Model;

/// <summary>Plays a prompt and waits for a key or a keyword; retries on no input or an invalid choice.</summary>
public sealed class MenuBlock : FlowBlock
{
    protected override string TypeName => "menu";
    public FlowPrompt? Prompt { get; init; }
    public List<MenuOption>? Options { get; init; }
    /// <summary>Seconds to wait for input after the prompt (default 5).</summary>
    public double? TimeoutSeconds { get; init; }
    /// <summary>Extra attempts after the first (default 2).</summary>
    public int? Retries { get; init; }
    public FlowPrompt? NoInputPrompt { get; init; }
    public FlowPrompt? InvalidPrompt { get; init; }
    /// <summary>Whether input may interrupt the prompt (default true).</summary>
    public bool? BargeIn { get; init; }
    /// <summary>Recognised words below this confidence count as invalid (default 0.5).</summary>
    public double? MinConfidence { get; init; }
    /// <summary>Where to go when the retries are spent and the last attempt had no input; absent: hang up.</summary>
    public string? OnNoInput { get; init; }
    /// <summary>Where to go when the retries are spent and the last attempt was invalid; absent: hang up.</summary>
    public string? OnInvalid { get; init; }

    protected override bool WaitsForInput => true;

    public override IEnumerable<FlowTransition> Transitions()
    {
        var options = Options ?? [];
        for (var i = 0; i < options.Count; i++)
        {
            yield return new($"options/{i}/next", options[i].Next);
        }
        yield return new("onNoInput", OnNoInput);
        yield return new("onInvalid", OnInvalid);
    }
}
