using System.Net;

namespace Parley.Media.Rtp;

/// <summary>
/// Symmetric RTP (RFC 4961 behaviour toward NATed peers): we send to the address the peer's packets really come
/// from, not to the one in its SDP. The first valid packet latches; a packet from another source re-latches only
/// after the latched source has been silent for <see cref="RelatchAfter"/>, so a stray or spoofed packet cannot
/// steal an active stream. Not thread-safe: called from the receive loop only.
/// </summary>
public sealed class SymmetricRtpLatch
{
    private readonly TimeProvider _time;
    private SocketAddress? _latched;
    private long _lastFromLatched;

    public SymmetricRtpLatch(TimeProvider time, TimeSpan? relatchAfter = null)
    {
        _time = time;
        RelatchAfter = relatchAfter ?? TimeSpan.FromSeconds(1);
    }

    public TimeSpan RelatchAfter { get; }

    public bool IsLatched => _latched is not null;

    public int Relatches { get; private set; }

    /// <summary>The latched source, or null before the first packet.</summary>
    public SocketAddress? Latched => _latched;

    /// <summary>Returns true if the packet from <paramref name="source"/> should be accepted; latches when appropriate.</summary>
    public bool Observe(SocketAddress source)
    {
        var now = _time.GetTimestamp();
        if (_latched is null)
        {
            _latched = Copy(source);
            _lastFromLatched = now;
            return true;
        }

        if (_latched.Equals(source))
        {
            _lastFromLatched = now;
            return true;
        }

        if (_time.GetElapsedTime(_lastFromLatched, now) >= RelatchAfter)
        {
            _latched = Copy(source);
            _lastFromLatched = now;
            Relatches++;
            return true;
        }

        return false;
    }

    private static SocketAddress Copy(SocketAddress source)
    {
        var copy = new SocketAddress(source.Family, source.Size);
        source.Buffer.Span.CopyTo(copy.Buffer.Span);
        return copy;
    }
}
