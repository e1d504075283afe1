namespace Parley.Speech.Recognition;

public enum RecognitionOutcome
{
    /// <summary>A keyword was heard with enough confidence.</summary>
    Match,

    /// <summary>Speech was heard but no keyword reached the confidence threshold.</summary>
    NoMatch,

    /// <summary>No speech was heard.</summary>
    NoInput,
}
