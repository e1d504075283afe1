using System.Buffers.Binary;

namespace Parley.Media.Rtcp;

/// <summary>A parsed SR or RR: sender SSRC, sender info for an SR, and report blocks read on demand (no allocation).</summary>
public readonly ref struct RtcpReport
{
    private readonly ReadOnlySpan<byte> _blocks;

    internal RtcpReport(RtcpPacketType type, uint ssrc, RtcpSenderInfo senderInfo, int blockCount, ReadOnlySpan<byte> blocks)
    {
        Type = type;
        Ssrc = ssrc;
        SenderInfo = senderInfo;
        BlockCount = blockCount;
        _blocks = blocks;
    }

    public RtcpPacketType Type { get; }

    public uint Ssrc { get; }

    /// <summary>Only meaningful when <see cref="Type"/> is <see cref="RtcpPacketType.SenderReport"/>.</summary>
    public RtcpSenderInfo SenderInfo { get; }

    public int BlockCount { get; }

    public RtcpReportBlock GetBlock(int index)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)BlockCount, nameof(index));
        var b = _blocks.Slice(index * RtcpReportBlock.Length, RtcpReportBlock.Length);
        var lostWord = BinaryPrimitives.ReadUInt32BigEndian(b[4..]);
        var cumulative = (int)(lostWord << 8) >> 8;
        return new RtcpReportBlock(
            BinaryPrimitives.ReadUInt32BigEndian(b),
            (byte)(lostWord >> 24),
            cumulative,
            BinaryPrimitives.ReadUInt32BigEndian(b[8..]),
            BinaryPrimitives.ReadUInt32BigEndian(b[12..]),
            BinaryPrimitives.ReadUInt32BigEndian(b[16..]),
            BinaryPrimitives.ReadUInt32BigEndian(b[20..]));
    }
}
