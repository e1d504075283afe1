namespace Parley.Voice.Calls.Control;

/// <summary>The answer to a <see cref="CallCommand"/>, with a sentence for a person when it was refused.</summary>
public sealed record CallControlResult(CallControlOutcome Outcome, string? Detail = null, Guid? LegId = null)
{
    public static readonly CallControlResult Done = new(CallControlOutcome.Done);

    public static readonly CallControlResult NotFound = new(CallControlOutcome.NotFound);

    public static readonly CallControlResult NotConnected = new(CallControlOutcome.NotConnected, "The call is not connected to the agent now.");
}
