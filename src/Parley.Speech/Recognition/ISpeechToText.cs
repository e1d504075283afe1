namespace Parley.Speech.Recognition;

/// <summary>
/// Spots one of a few keywords in a caller's speech. A session is fed 8 kHz 16-bit mono frames from the media
/// thread (<see cref="IRecognitionSession.TryWrite"/> never blocks) and decodes them elsewhere.
/// </summary>
public interface ISpeechToText
{
    /// <summary>Languages this engine recognises (e.g. <c>en-us</c>).</summary>
    IReadOnlyList<string> Languages { get; }

    /// <summary>True when every word of <paramref name="keyword"/> is in the engine's vocabulary; for validators.</summary>
    bool CanRecognise(string keyword, string language);

    /// <summary>Opens a session for <paramref name="request"/>; waits while every decoder is busy.</summary>
    ValueTask<IRecognitionSession> StartAsync(RecognitionRequest request, CancellationToken cancellationToken = default);
}
