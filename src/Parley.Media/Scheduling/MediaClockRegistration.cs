namespace Parley.Media.Scheduling;

/// <summary>A stream's place on the <see cref="MediaClock"/>; dispose to stop being served.</summary>
public sealed class MediaClockRegistration : IDisposable
{
    private readonly MediaClock _clock;
    private readonly IPacedStream _stream;
    private int _disposed;

    internal MediaClockRegistration(MediaClock clock, IPacedStream stream, int lane, int slot)
    {
        _clock = clock;
        _stream = stream;
        Lane = lane;
        Slot = slot;
    }

    /// <summary>The lane (thread) this stream is served on.</summary>
    public int Lane { get; }

    /// <summary>The phase slot within the frame this stream is served in.</summary>
    public int Slot { get; }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _clock.Unregister(_stream, Lane, Slot);
        }
    }
}
