namespace Parley.Speech.Recognition;

/// <summary>What to listen for: the menu's keywords (one or more words each), in a language, above a confidence.</summary>
public sealed record RecognitionRequest(IReadOnlyList<string> Keywords)
{
    public string Language { get; init; } = "en-us";

    /// <summary>Posterior (0..1) a hypothesis needs to count as a match; null uses the configured default.</summary>
    public double? ConfidenceThreshold { get; init; }
}
