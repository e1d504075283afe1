namespace Parley.Media.Audio;

/// <summary>
/// Several sources played back to back as one: when a part runs out, the same frame is read from the next, so the parts
/// follow each other without a silent frame between them. Disposing disposes every part.
/// </summary>
public sealed class ConcatenatedFrameSource(IReadOnlyList<IAudioFrameSource> parts) : IAudioFrameSource, IDisposable
{
    private int _current;

    public bool TryReadFrame(Span<short> frame)
    {
        while (_current < parts.Count)
        {
            if (parts[_current].TryReadFrame(frame))
            {
                return true;
            }

            _current++;
        }

        return false;
    }

    public void Dispose()
    {
        foreach (var part in parts)
        {
            (part as IDisposable)?.Dispose();
        }
    }
}
