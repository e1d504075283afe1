namespace Parley.Flows.Model;

/// <summary>
/// Ends the call with a callback: the caller keeps their place in <see cref="Queue"/> as a callback interaction, and when
/// an agent takes it Parley calls <see cref="Number"/> back, in the order <see cref="Mode"/> says.
/// </summary>
public sealed class OfferCallbackBlock : FlowBlock
{
    protected override string TypeName => "offerCallback";

    /// <summary>Queue id or name as the tenant knows it.</summary>
    public string? Queue { get; init; }

    /// <summary>The number to call back (an E.164 template); absent: the caller's number (<c>{call.caller}</c>).</summary>
    public string? Number { get; init; }

    /// <summary>
    /// <c>preview</c> (the default: the agent's phone rings first, and Parley calls the customer once the agent answers) or
    /// <c>customerFirst</c> (Parley calls the customer as soon as routing picks the agent, and rings the agent once the
    /// customer answers).
    /// </summary>
    public string? Mode { get; init; }

    /// <summary>The values <see cref="Mode"/> takes.</summary>
    public static readonly IReadOnlyList<string> Modes = ["preview", "customerFirst"];

    /// <summary>Where to go if the callback cannot be queued (unknown queue, no usable number); absent: hang up.</summary>
    public string? OnFailure { get; init; }

    public override IEnumerable<FlowTransition> Transitions() => [new("onFailure", OnFailure)];
}
