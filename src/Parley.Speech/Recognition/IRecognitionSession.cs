namespace Parley.Speech.Recognition;

/// <summary>One recognition: audio in, one <see cref="RecognitionResult"/> out. Dispose it to free its decoder.</summary>
public interface IRecognitionSession : IAsyncDisposable
{
    /// <summary>
    /// Queues a frame of 8 kHz 16-bit mono samples (any length, typically 160 = 20 ms) and returns at once. False
    /// when the session has decided or its queue is full (the frame is dropped and counted).
    /// </summary>
    bool TryWrite(ReadOnlySpan<short> samples);

    /// <summary>No more audio: decide on what was heard so far.</summary>
    void Complete();

    /// <summary>Completes when the caller stops speaking, the utterance limit is reached, or after <see cref="Complete"/>.</summary>
    Task<RecognitionResult> Result { get; }

    /// <summary>Frames refused because the queue was full.</summary>
    long DroppedFrames { get; }
}
