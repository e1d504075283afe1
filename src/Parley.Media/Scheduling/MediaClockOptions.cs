namespace Parley.Media.Scheduling;

/// <summary>Options of the one media clock.</summary>
public sealed class MediaClockOptions
{
    /// <summary>Packetization interval every stream is paced at. Default 20 ms.</summary>
    public TimeSpan FrameDuration { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// Streams are spread over this many phase slots within a frame so that sends are spread over the frame
    /// instead of bursting at its start. Default 20 (one slot per millisecond at 20 ms frames).
    /// </summary>
    public int SlotsPerFrame { get; set; } = 20;

    /// <summary>If the clock falls further behind than this, it skips ahead instead of bursting. Default 100 ms.</summary>
    public TimeSpan MaxCatchUp { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Priority of the clock thread when it runs on <see cref="TimeProvider.System"/>. Default <see cref="ClockThreadPriority.High"/>.</summary>
    public ClockThreadPriority ThreadPriority { get; set; } = ClockThreadPriority.High;

    /// <summary>
    /// Sending threads. Every send is a system call made on the clock's thread, and one thread tops out near one core
    /// (~100k packets/s); a dedicated media node sets this to its core count. Default 1.
    /// </summary>
    public int Lanes { get; set; } = 1;

    public void Validate()
    {
        if (Lanes is < 1 or > 64)
        {
            throw new ArgumentOutOfRangeException(nameof(Lanes), "Lanes must be 1..64.");
        }

        if (FrameDuration < TimeSpan.FromMilliseconds(5) || FrameDuration > TimeSpan.FromMilliseconds(120))
        {
            throw new ArgumentOutOfRangeException(nameof(FrameDuration), "FrameDuration must be 5..120 ms.");
        }

        if (SlotsPerFrame is < 1 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(SlotsPerFrame), "SlotsPerFrame must be 1..1000.");
        }

        if (MaxCatchUp < FrameDuration)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxCatchUp), "MaxCatchUp must be at least one frame.");
        }
    }
}
