namespace Parley.Media.Rtp;

/// <summary>
/// Hands out even RTP ports from a configured range; the odd port above each is its RTCP port (RFC 3550 §11).
/// Ports are handed out round-robin so a just-released port is not reused at once (late packets of the old
/// call must not reach the new one). Thread-safe.
/// </summary>
public sealed class RtpPortAllocator
{
    private readonly Lock _lock = new();
    private readonly bool[] _inUse;
    private int _next;

    public RtpPortAllocator(int minPort, int maxPort)
    {
        if (minPort is < 1024 or > 65534 || maxPort is < 1025 or > 65535 || maxPort <= minPort)
        {
            throw new ArgumentOutOfRangeException(nameof(minPort), "The RTP port range must lie in 1024..65535 and hold at least one pair.");
        }

        MinPort = (minPort + 1) & ~1;
        MaxPort = maxPort;
        _inUse = new bool[(MaxPort - MinPort + 1) / 2];
        if (_inUse.Length == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxPort), "The RTP port range holds no even/odd pair.");
        }
    }

    public int MinPort { get; }

    public int MaxPort { get; }

    public int Capacity => _inUse.Length;

    public int InUse { get; private set; }

    /// <summary>Reserves the next free even port; false when the range is exhausted.</summary>
    public bool TryAllocate(out int rtpPort)
    {
        lock (_lock)
        {
            for (var i = 0; i < _inUse.Length; i++)
            {
                var slot = (_next + i) % _inUse.Length;
                if (!_inUse[slot])
                {
                    _inUse[slot] = true;
                    _next = (slot + 1) % _inUse.Length;
                    InUse++;
                    rtpPort = MinPort + (slot * 2);
                    return true;
                }
            }
        }

        rtpPort = 0;
        return false;
    }

    /// <summary>Returns a port to the pool.</summary>
    public void Release(int rtpPort)
    {
        var slot = (rtpPort - MinPort) / 2;
        if (rtpPort < MinPort || (rtpPort & 1) != 0 || slot >= _inUse.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(rtpPort), "Not a port of this allocator.");
        }

        lock (_lock)
        {
            if (_inUse[slot])
            {
                _inUse[slot] = false;
                InUse--;
            }
        }
    }
}
