namespace Parley.Media.Rtp;

/// <summary>
/// Outgoing stream state: SSRC, sequence number and timestamp, all starting at random values (RFC 3550 §5.1).
/// Not thread-safe: one stream is written from one scheduler thread.
/// </summary>
public sealed class RtpSender
{
    public RtpSender(uint ssrc, ushort initialSequence, uint initialTimestamp)
    {
        Ssrc = ssrc;
        NextSequence = initialSequence;
        NextTimestamp = initialTimestamp;
    }

    public static RtpSender CreateRandom() =>
        new((uint)Random.Shared.NextInt64(1, uint.MaxValue), (ushort)Random.Shared.Next(0, 65536), (uint)Random.Shared.NextInt64(0, uint.MaxValue));

    public uint Ssrc { get; }

    public ushort NextSequence { get; private set; }

    public uint NextTimestamp { get; private set; }

    public long PacketsSent { get; private set; }

    public long OctetsSent { get; private set; }

    /// <summary>RTP timestamp of the last packet sent (for RTCP SR).</summary>
    public uint LastTimestamp { get; private set; }

    /// <summary>
    /// Writes a header for the next packet with the current timestamp, then advances the sequence and the
    /// timestamp by <paramref name="samples"/>. The payload goes at offset 12. Returns the packet length.
    /// </summary>
    public int WriteNext(Span<byte> destination, byte payloadType, ReadOnlySpan<byte> payload, int samples, bool marker = false)
    {
        var length = RtpPacket.Write(destination, new RtpHeader(marker, payloadType, NextSequence, NextTimestamp, Ssrc), payload);
        if (length == 0)
        {
            return 0;
        }

        Account(payload.Length, NextTimestamp);
        NextTimestamp += (uint)samples;
        return length;
    }

    /// <summary>
    /// Writes a packet with an explicit timestamp (telephone-events keep the event's start timestamp, RFC 4733 §2.5.1.1)
    /// and advances only the sequence number.
    /// </summary>
    public int WriteWithTimestamp(Span<byte> destination, byte payloadType, ReadOnlySpan<byte> payload, uint timestamp, bool marker)
    {
        var length = RtpPacket.Write(destination, new RtpHeader(marker, payloadType, NextSequence, timestamp, Ssrc), payload);
        if (length != 0)
        {
            Account(payload.Length, timestamp);
        }

        return length;
    }

    /// <summary>Moves the timestamp on without sending, e.g. for a frame skipped during hold or DTMF.</summary>
    public void SkipSamples(int samples) => NextTimestamp += (uint)samples;

    private void Account(int payloadLength, uint timestamp)
    {
        LastTimestamp = timestamp;
        NextSequence++;
        PacketsSent++;
        OctetsSent += payloadLength;
    }
}
