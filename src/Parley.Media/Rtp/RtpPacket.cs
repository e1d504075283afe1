using System.Buffers.Binary;

namespace Parley.Media.Rtp;

/// <summary>RTP packet parse and write on spans (RFC 3550 §5.1). No allocation.</summary>
public static class RtpPacket
{
    /// <summary>
    /// Parses an RTP packet. Returns false for anything that is not valid RTP version 2 (too short, bad
    /// CSRC/extension/padding lengths, or an RTCP packet type in the payload-type field, RFC 5761 §4).
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> packet, out RtpHeader header)
    {
        header = default;
        if (packet.Length < RtpHeader.FixedLength)
        {
            return false;
        }

        var b0 = packet[0];
        if (b0 >> 6 != 2)
        {
            return false;
        }

        var b1 = packet[1];
        var payloadType = (byte)(b1 & 0x7F);
        if (payloadType is >= 72 and <= 76)
        {
            return false;
        }

        var csrcCount = b0 & 0x0F;
        var offset = RtpHeader.FixedLength + (csrcCount * 4);
        var extension = (b0 & 0x10) != 0;
        if (extension)
        {
            if (packet.Length < offset + 4)
            {
                return false;
            }

            offset += 4 + (BinaryPrimitives.ReadUInt16BigEndian(packet[(offset + 2)..]) * 4);
        }

        if (packet.Length < offset)
        {
            return false;
        }

        var end = packet.Length;
        var padding = (b0 & 0x20) != 0;
        if (padding)
        {
            var padLength = packet[^1];
            if (padLength == 0 || end - padLength < offset)
            {
                return false;
            }

            end -= padLength;
        }

        header = new RtpHeader(
            (b1 & 0x80) != 0,
            payloadType,
            BinaryPrimitives.ReadUInt16BigEndian(packet[2..]),
            BinaryPrimitives.ReadUInt32BigEndian(packet[4..]),
            BinaryPrimitives.ReadUInt32BigEndian(packet[8..]))
        {
            Padding = padding,
            Extension = extension,
            CsrcCount = csrcCount,
            PayloadOffset = offset,
            PayloadLength = end - offset,
        };
        return true;
    }

    /// <summary>The payload of a packet parsed into <paramref name="header"/>.</summary>
    public static ReadOnlySpan<byte> Payload(ReadOnlySpan<byte> packet, in RtpHeader header) =>
        packet.Slice(header.PayloadOffset, header.PayloadLength);

    /// <summary>Writes a 12-byte header (no CSRC, no extension) and the payload; returns the packet length or 0 if it does not fit.</summary>
    public static int Write(Span<byte> destination, in RtpHeader header, ReadOnlySpan<byte> payload)
    {
        var length = RtpHeader.FixedLength + payload.Length;
        if (destination.Length < length)
        {
            return 0;
        }

        WriteHeader(destination, header.Marker, header.PayloadType, header.SequenceNumber, header.Timestamp, header.Ssrc);
        payload.CopyTo(destination[RtpHeader.FixedLength..]);
        return length;
    }

    /// <summary>Writes the 12-byte fixed header; the caller writes the payload after it.</summary>
    public static void WriteHeader(Span<byte> destination, bool marker, byte payloadType, ushort sequenceNumber, uint timestamp, uint ssrc)
    {
        var d = destination[..RtpHeader.FixedLength];
        d[0] = 0x80;
        d[1] = (byte)((marker ? 0x80 : 0) | (payloadType & 0x7F));
        BinaryPrimitives.WriteUInt16BigEndian(d[2..], sequenceNumber);
        BinaryPrimitives.WriteUInt32BigEndian(d[4..], timestamp);
        BinaryPrimitives.WriteUInt32BigEndian(d[8..], ssrc);
    }
}
