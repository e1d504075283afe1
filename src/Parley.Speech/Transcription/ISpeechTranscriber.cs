namespace Parley.Speech.Transcription;

/// <summary>
/// Turns recorded speech (8 kHz 16-bit mono) into text with timestamps, offline. Slow work: callers run it in the
/// background, never on media threads; an implementation may run one transcription at a time.
/// </summary>
public interface ISpeechTranscriber
{
    /// <summary>The engine's name, stored with each transcript.</summary>
    string Engine { get; }

    /// <summary>The segments of speech in <paramref name="samples"/>, in time order; reports progress 0..1.</summary>
    Task<IReadOnlyList<TranscriptSegment>> TranscribeAsync(ReadOnlyMemory<short> samples, IProgress<double>? progress, CancellationToken cancellationToken);
}
