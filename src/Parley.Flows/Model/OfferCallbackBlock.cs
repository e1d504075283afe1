namespace Parley.Flows.Model;

/// <summary>
/// Ends the call with a callback: the caller keeps their place in <see cref="Queue"/> as a callback interaction, and when
/// an agent takes it Parley rings the agent and then calls <see cref="Number"/> back.
/// </summary>
public sealed class OfferCallbackBlock : FlowBlock
{
    protected override string TypeName => "offerCallback";

    /// <summary>Queue id or name as the tenant knows it.</summary>
    public string? Queue { get; init; }

    /// <summary>The number to call back (an E.164 template); absent: the caller's number (<c>{call.caller}</c>).</summary>
    public string? Number { get; init; }

    /// <summary>Where to go if the callback cannot be queued (unknown queue, no usable number); absent: hang up.</summary>
    public string? OnFailure { get; init; }

    public override IEnumerable<FlowTransition> Transitions() => [new("onFailure", OnFailure)];
}
