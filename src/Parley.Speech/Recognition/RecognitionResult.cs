namespace Parley.Speech.Recognition;

/// <summary>
/// The decision of a session. <paramref name="Keyword"/> is the request's keyword on a match (and the best guess
/// on a no-match, if any); <paramref name="Confidence"/> is the engine's posterior, 0..1.
/// </summary>
public sealed record RecognitionResult(RecognitionOutcome Outcome, string? Keyword, double Confidence, TimeSpan AudioLength);
