using Parley.Media.Scheduling;
using Parley.Media.Sdp;

namespace Parley.Media;

public sealed partial class MediaSession
{
    /// <summary>The receive timeout is checked once a second (every 50 frames), on the clock thread.</summary>
    private const int TimeoutCheckFrames = 50;
    private readonly long _receiveTimeout;
    private long _lastHeard;
    private int _timedOut;

    /// <summary>
    /// Raised once when a peer that should be sending has sent no RTP for <see cref="MediaOptions.ReceiveTimeout"/>
    /// (not while the negotiated direction excludes receiving, e.g. on hold with <c>inactive</c>); raised again only
    /// after RTP resumed and stopped once more. Runs on the media clock thread: hand the work off (end the call
    /// elsewhere), never block.
    /// </summary>
    public event Action<MediaSession>? ReceiveTimedOut;

    private void Heard(long timestamp)
    {
        Volatile.Write(ref _lastHeard, timestamp);
        if (Volatile.Read(ref _timedOut) != 0)
        {
            Volatile.Write(ref _timedOut, 0);
        }
    }

    private void CheckReceiveTimeout(in MediaTick tick, NegotiatedAudio audio)
    {
        if (_receiveTimeout <= 0 || tick.FrameIndex % TimeoutCheckFrames != 0 || !audio.CanReceive)
        {
            return;
        }

        var silentFor = _time.GetTimestamp() - Volatile.Read(ref _lastHeard);
        if (silentFor < _receiveTimeout || Interlocked.Exchange(ref _timedOut, 1) != 0)
        {
            return;
        }

        _logger.ReceiveTimedOut(LocalPort, (double)silentFor / _time.TimestampFrequency);
        try
        {
            ReceiveTimedOut?.Invoke(this);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _logger.HandlerFailed(ex);
        }
    }
}
