using System.Buffers.Binary;
using System.Text;

namespace Parley.Media.Rtcp;

/// <summary>RTCP SR, RR and SDES CNAME write, compound-packet walk and SR/RR parse (RFC 3550 §6). No allocation.</summary>
public static class RtcpPacket
{
    public const int HeaderLength = 4;
    public const int MaxReportBlocks = 31;

    public static int WriteSenderReport(Span<byte> destination, uint ssrc, in RtcpSenderInfo info, ReadOnlySpan<RtcpReportBlock> blocks)
    {
        var length = HeaderLength + 4 + RtcpSenderInfo.Length + (blocks.Length * RtcpReportBlock.Length);
        if (blocks.Length > MaxReportBlocks || destination.Length < length)
        {
            return 0;
        }

        WriteHeader(destination, blocks.Length, RtcpPacketType.SenderReport, length);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], ssrc);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], info.NtpTimestamp);
        BinaryPrimitives.WriteUInt32BigEndian(destination[16..], info.RtpTimestamp);
        BinaryPrimitives.WriteUInt32BigEndian(destination[20..], info.PacketCount);
        BinaryPrimitives.WriteUInt32BigEndian(destination[24..], info.OctetCount);
        WriteBlocks(destination[28..], blocks);
        return length;
    }

    public static int WriteReceiverReport(Span<byte> destination, uint ssrc, ReadOnlySpan<RtcpReportBlock> blocks)
    {
        var length = HeaderLength + 4 + (blocks.Length * RtcpReportBlock.Length);
        if (blocks.Length > MaxReportBlocks || destination.Length < length)
        {
            return 0;
        }

        WriteHeader(destination, blocks.Length, RtcpPacketType.ReceiverReport, length);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], ssrc);
        WriteBlocks(destination[8..], blocks);
        return length;
    }

    /// <summary>An SDES packet with one chunk holding a CNAME item, padded to 32 bits (every compound packet needs one).</summary>
    public static int WriteSourceDescription(Span<byte> destination, uint ssrc, string cname)
    {
        var nameLength = Encoding.UTF8.GetByteCount(cname);
        if (nameLength > 255)
        {
            return 0;
        }

        var unpadded = HeaderLength + 4 + 2 + nameLength + 1;
        var length = (unpadded + 3) & ~3;
        if (destination.Length < length)
        {
            return 0;
        }

        WriteHeader(destination, 1, RtcpPacketType.SourceDescription, length);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], ssrc);
        destination[8] = 1;
        destination[9] = (byte)nameLength;
        Encoding.UTF8.GetBytes(cname, destination[10..]);
        destination[(10 + nameLength)..length].Clear();
        return length;
    }

    /// <summary>
    /// Reads the next packet of a compound RTCP packet. Returns false at the end or on malformed input
    /// (bad version, length beyond the datagram).
    /// </summary>
    public static bool TryReadNext(ref ReadOnlySpan<byte> compound, out RtcpPacketType type, out int count, out ReadOnlySpan<byte> packet)
    {
        type = default;
        count = 0;
        packet = default;
        if (compound.Length < HeaderLength || compound[0] >> 6 != 2)
        {
            return false;
        }

        var length = (BinaryPrimitives.ReadUInt16BigEndian(compound[2..]) + 1) * 4;
        if (length > compound.Length)
        {
            return false;
        }

        count = compound[0] & 0x1F;
        type = (RtcpPacketType)compound[1];
        packet = compound[..length];
        compound = compound[length..];
        return true;
    }

    /// <summary>Parses one SR or RR packet (as returned by <see cref="TryReadNext"/>).</summary>
    public static bool TryParseReport(ReadOnlySpan<byte> packet, out RtcpReport report)
    {
        report = default;
        if (packet.Length < 8 || packet[0] >> 6 != 2)
        {
            return false;
        }

        var type = (RtcpPacketType)packet[1];
        var count = packet[0] & 0x1F;
        var ssrc = BinaryPrimitives.ReadUInt32BigEndian(packet[4..]);
        var offset = 8;
        RtcpSenderInfo info = default;
        if (type == RtcpPacketType.SenderReport)
        {
            if (packet.Length < 28)
            {
                return false;
            }

            info = new RtcpSenderInfo(
                BinaryPrimitives.ReadUInt64BigEndian(packet[8..]),
                BinaryPrimitives.ReadUInt32BigEndian(packet[16..]),
                BinaryPrimitives.ReadUInt32BigEndian(packet[20..]),
                BinaryPrimitives.ReadUInt32BigEndian(packet[24..]));
            offset = 28;
        }
        else if (type != RtcpPacketType.ReceiverReport)
        {
            return false;
        }

        var blocksLength = count * RtcpReportBlock.Length;
        if (packet.Length < offset + blocksLength)
        {
            return false;
        }

        report = new RtcpReport(type, ssrc, info, count, packet.Slice(offset, blocksLength));
        return true;
    }

    private static void WriteHeader(Span<byte> destination, int count, RtcpPacketType type, int length)
    {
        destination[0] = (byte)(0x80 | count);
        destination[1] = (byte)type;
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], (ushort)((length / 4) - 1));
    }

    private static void WriteBlocks(Span<byte> destination, ReadOnlySpan<RtcpReportBlock> blocks)
    {
        for (var i = 0; i < blocks.Length; i++)
        {
            var b = destination.Slice(i * RtcpReportBlock.Length, RtcpReportBlock.Length);
            var block = blocks[i];
            BinaryPrimitives.WriteUInt32BigEndian(b, block.Ssrc);
            BinaryPrimitives.WriteUInt32BigEndian(b[4..], ((uint)block.FractionLost << 24) | ((uint)block.CumulativeLost & 0xFFFFFF));
            BinaryPrimitives.WriteUInt32BigEndian(b[8..], block.ExtendedHighestSequence);
            BinaryPrimitives.WriteUInt32BigEndian(b[12..], block.Jitter);
            BinaryPrimitives.WriteUInt32BigEndian(b[16..], block.LastSenderReport);
            BinaryPrimitives.WriteUInt32BigEndian(b[20..], block.DelaySinceLastSenderReport);
        }
    }
}
