namespace Parley.Speech.TextToSpeech;

/// <summary>The requested voice is not one the engine lists.</summary>
public sealed class UnknownVoiceException : ArgumentException
{
    public UnknownVoiceException(string voice)
        : base($"Unknown voice '{voice}'.", nameof(voice))
    {
        Voice = voice;
    }

    public UnknownVoiceException()
        : this(string.Empty)
    {
    }

    public UnknownVoiceException(string message, Exception innerException)
        : base(message, innerException)
    {
        Voice = string.Empty;
    }

    public string Voice { get; }
}
