namespace Parley.Voice.Audio;

/// <summary>
/// Thrown by <see cref="ICallAudio.OpenPromptAsync"/> when a play block names an uploaded prompt the tenant does not
/// have (deleted, or a malformed id). The IVR host skips that prompt and carries on, as if it had been played.
/// </summary>
public sealed class UnknownPromptException : Exception
{
    public UnknownPromptException(string promptId)
        : base($"The tenant has no uploaded prompt '{promptId}'.")
    {
        PromptId = promptId;
    }

    public UnknownPromptException()
        : this(string.Empty)
    {
    }

    public UnknownPromptException(string message, Exception innerException)
        : base(message, innerException)
    {
        PromptId = string.Empty;
    }

    public string PromptId { get; }
}
