namespace Parley.Flows.Execution;

/// <summary>
/// Play the prompts, then wait for input: DTMF (up to <see cref="MaxDigits"/>, ending early on <see cref="Terminator"/>
/// or after <see cref="InterDigitTimeout"/>) and, when <see cref="Keywords"/> is not empty, speech restricted to them.
/// Answer with <see cref="DigitsInput"/>, <see cref="SpeechInput"/> or <see cref="FlowInput.Timeout"/> after <see cref="Timeout"/> of silence.
/// </summary>
public sealed record GatherAction(
    IReadOnlyList<PlayPrompt> Prompts,
    bool BargeIn,
    TimeSpan Timeout,
    int MaxDigits,
    char? Terminator,
    TimeSpan InterDigitTimeout,
    IReadOnlyList<string> Keywords,
    string? Language) : FlowAction;
