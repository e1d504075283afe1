namespace Parley.Server.Health.Liveness;

/// <summary>What is known of one main loop: its last proven turn, a probe still waiting, a probe that keeps failing.</summary>
public sealed record LoopStatus(string Loop, DateTimeOffset? LastBeatAt, DateTimeOffset? WaitingSince, DateTimeOffset? FailingSince, string? LastError)
{
    /// <summary>Why the loop counts as stalled at <paramref name="now"/>, or null while it is live.</summary>
    public string? StallAt(DateTimeOffset now, TimeSpan stallAfter) =>
        WaitingSince is { } waiting && now - waiting > stallAfter ? $"{Loop}: no answer for {(now - waiting).TotalSeconds:F0} s"
        : FailingSince is { } failing && now - failing > stallAfter ? $"{Loop}: failing for {(now - failing).TotalSeconds:F0} s ({LastError})"
        : null;
}
