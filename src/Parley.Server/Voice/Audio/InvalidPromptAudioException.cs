namespace Parley.Server.Voice.Audio;

/// <summary>An upload that is not usable audio; the message is a plain sentence for the 400 answer.</summary>
public sealed class InvalidPromptAudioException : Exception
{
    public InvalidPromptAudioException(string message)
        : base(message)
    {
    }

    public InvalidPromptAudioException()
    {
    }

    public InvalidPromptAudioException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
