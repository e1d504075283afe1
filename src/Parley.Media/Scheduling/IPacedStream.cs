namespace Parley.Media.Scheduling;

/// <summary>
/// A stream served by the <see cref="MediaClock"/> once per frame (20 ms). Called on the clock thread: do the
/// send and return; never block.
/// </summary>
public interface IPacedStream
{
    void OnFrame(in MediaTick tick);
}
