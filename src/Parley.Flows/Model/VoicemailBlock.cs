namespace Parley.Flows.Model;

/// <summary>
/// Records a voice message for <see cref="Queue"/>: plays the optional <see cref="Prompt"/>, a beep, then records the
/// caller until <c>#</c>, <see cref="MaxSeconds"/> or hang-up. A message with sound becomes a voicemail interaction in
/// the queue; the flow then goes to <see cref="Next"/> (absent: the call ends). <see cref="OnEmpty"/> is taken when
/// nothing was recorded or the message could not be queued (absent: the call ends).
/// </summary>
public sealed class VoicemailBlock : FlowBlock
{
    public const int DefaultMaxSeconds = 120;
    public const int MinMaxSeconds = 5;
    public const int MaxMaxSeconds = 600;

    protected override string TypeName => "voicemail";

    /// <summary>Played before the beep ("leave a message after the tone"); optional.</summary>
    public FlowPrompt? Prompt { get; init; }

    /// <summary>Queue id or name as the tenant knows it; the message is routed there.</summary>
    public string? Queue { get; init; }

    /// <summary>Longest message in seconds, 5 to 600 (default 120).</summary>
    public int? MaxSeconds { get; init; }

    /// <summary>After a queued message when the caller is still on the line; absent: the call ends.</summary>
    public string? Next { get; init; }

    /// <summary>When the caller said nothing or the message could not be queued; absent: the call ends.</summary>
    public string? OnEmpty { get; init; }

    public override IEnumerable<FlowTransition> Transitions() => [new("next", Next), new("onEmpty", OnEmpty)];
}
