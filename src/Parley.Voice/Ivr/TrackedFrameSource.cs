using Parley.Media.Audio;

namespace Parley.Voice.Ivr;

/// <summary>
/// Wraps a prompt's source to learn when it is done: the first frame it cannot give (or <see cref="Stop"/>) completes
/// <see cref="Finished"/>. Runs on the media thread, so it only sets a flag and completes a task whose continuations
/// run elsewhere.
/// </summary>
internal sealed class TrackedFrameSource(IAudioFrameSource inner) : IAudioFrameSource
{
    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _stopped;

    /// <summary>Completes when the source ran out or was stopped.</summary>
    public Task Finished => _finished.Task;

    /// <summary>True when <see cref="Stop"/> ended it before the source ran out.</summary>
    public bool WasStopped => _stopped;

    public bool TryReadFrame(Span<short> frame)
    {
        if (!_stopped && inner.TryReadFrame(frame))
        {
            return true;
        }

        _finished.TrySetResult();
        return false;
    }

    /// <summary>Ends the playback at the next frame (silence is sent instead); safe from any thread.</summary>
    public void Stop()
    {
        _stopped = true;
        _finished.TrySetResult();
    }
}
