namespace Parley.Media.Rtp;

/// <summary>
/// Per-source receive statistics of RFC 3550 Appendix A: extended highest sequence number with wrap-around
/// (A.1), cumulative and fractional loss (A.3) and interarrival jitter (A.8, integer form). A new source is
/// counted from its first packet; a jump beyond <see cref="MaxDropout"/> re-syncs after two sequential packets.
/// </summary>
public sealed class RtpReceiveStatistics
{
    public const int MaxDropout = 3000;
    public const int MaxMisorder = 100;
    private const int SeqMod = 1 << 16;

    private ushort _maxSeq;
    private uint _cycles;
    private uint _baseSeq;
    private uint _badSeq = SeqMod + 1;
    private long _expectedPrior;
    private long _receivedPrior;
    private long _lastTransit;
    private bool _hasTransit;
    private uint _jitterScaled;

    public bool HasSource { get; private set; }

    public uint Ssrc { get; private set; }

    /// <summary>Packets counted as received (duplicates are counted, as in RFC 3550).</summary>
    public long PacketsReceived { get; private set; }

    public long DuplicatesOrLate { get; private set; }

    /// <summary>Cycles (wraps × 65536) plus the highest sequence number seen.</summary>
    public uint ExtendedHighestSequence => _cycles + _maxSeq;

    public long ExpectedPackets => HasSource ? (long)ExtendedHighestSequence - _baseSeq + 1 : 0;

    /// <summary>Expected minus received; negative when duplicates arrive.</summary>
    public long CumulativeLost => ExpectedPackets - PacketsReceived;

    /// <summary>Interarrival jitter in timestamp units (J of RFC 3550 §6.4.1).</summary>
    public uint Jitter => _jitterScaled >> 4;

    /// <summary>
    /// Accounts for a packet. <paramref name="arrivalInClockUnits"/> is the arrival time expressed in the
    /// payload's clock (e.g. 8000 Hz), any origin. Returns false if the packet was rejected as out of sequence.
    /// </summary>
    public bool Update(uint ssrc, ushort sequence, uint rtpTimestamp, long arrivalInClockUnits, bool updateJitter = true)
    {
        if (!HasSource || ssrc != Ssrc)
        {
            Init(ssrc, sequence);
            PacketsReceived = 1;
            UpdateJitter(rtpTimestamp, arrivalInClockUnits, updateJitter);
            return true;
        }

        var delta = (ushort)(sequence - _maxSeq);
        if (delta < MaxDropout)
        {
            if (delta == 0)
            {
                DuplicatesOrLate++;
            }
            else if (sequence < _maxSeq)
            {
                _cycles += SeqMod;
            }

            _maxSeq = sequence;
        }
        else if (delta <= SeqMod - MaxMisorder)
        {
            if (sequence == _badSeq)
            {
                // Two sequential packets after a big jump: the sender restarted; start over.
                Init(ssrc, sequence);
            }
            else
            {
                _badSeq = (uint)((sequence + 1) & (SeqMod - 1));
                return false;
            }
        }
        else
        {
            DuplicatesOrLate++;
        }

        PacketsReceived++;
        UpdateJitter(rtpTimestamp, arrivalInClockUnits, updateJitter);
        return true;
    }

    /// <summary>
    /// Builds a report block and starts a new reporting interval (fraction lost is for the interval, A.3).
    /// </summary>
    public Rtcp.RtcpReportBlock CreateReportBlock(uint lastSenderReport = 0, uint delaySinceLastSenderReport = 0)
    {
        var expected = ExpectedPackets;
        var lost = CumulativeLost;
        var expectedInterval = expected - _expectedPrior;
        var receivedInterval = PacketsReceived - _receivedPrior;
        _expectedPrior = expected;
        _receivedPrior = PacketsReceived;
        var lostInterval = expectedInterval - receivedInterval;
        var fraction = expectedInterval == 0 || lostInterval <= 0 ? 0 : (byte)Math.Min(255, (lostInterval << 8) / expectedInterval);
        var clampedLost = (int)Math.Clamp(lost, -0x800000, 0x7FFFFF);
        return new Rtcp.RtcpReportBlock(Ssrc, (byte)fraction, clampedLost, ExtendedHighestSequence, Jitter, lastSenderReport, delaySinceLastSenderReport);
    }

    private void Init(uint ssrc, ushort sequence)
    {
        HasSource = true;
        Ssrc = ssrc;
        _baseSeq = sequence;
        _maxSeq = sequence;
        _badSeq = SeqMod + 1;
        _cycles = 0;
        PacketsReceived = 0;
        _expectedPrior = 0;
        _receivedPrior = 0;
        _hasTransit = false;
        _jitterScaled = 0;
    }

    private void UpdateJitter(uint rtpTimestamp, long arrival, bool enabled)
    {
        if (!enabled)
        {
            return;
        }

        var transit = arrival - rtpTimestamp;
        if (_hasTransit)
        {
            // Differences are taken modulo 2^32 so timestamp wrap-around does not show as jitter.
            var d = (int)(uint)(transit - _lastTransit);
            var abs = d < 0 ? -(long)d : d;
            _jitterScaled = (uint)(_jitterScaled + abs - ((_jitterScaled + 8) >> 4));
        }

        _lastTransit = transit;
        _hasTransit = true;
    }
}
