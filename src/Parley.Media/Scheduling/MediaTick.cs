namespace Parley.Media.Scheduling;

/// <summary>
/// One frame for one stream. <see cref="FrameIndex"/> counts frames since the clock started; when the clock had to
/// skip (the process stalled), it jumps, and <see cref="FramesSkipped"/> says by how much so the stream can move its
/// RTP timestamp on. <see cref="Due"/> is the ideal time in <see cref="TimeProvider.GetTimestamp"/> units.
/// </summary>
public readonly record struct MediaTick(long FrameIndex, long Due, int FramesSkipped);
