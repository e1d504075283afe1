using Parley.Media.Rtcp;

namespace Parley.Media.Tests.Rtcp;

public sealed class RtcpPacketTests
{
    private static readonly RtcpReportBlock BlockA = new(0x11111111, 25, 1234, 70000, 42, 0xAABBCCDD, 65536);
    private static readonly RtcpReportBlock BlockB = new(0x22222222, 0, -3, 10, 0, 0, 0);

    [Fact]
    public void SenderReport_WriteThenParse_RoundTrips()
    {
        var buffer = new byte[200];
        var info = new RtcpSenderInfo(0x0123456789ABCDEF, 160000, 1000, 160000);

        var length = RtcpPacket.WriteSenderReport(buffer, 0xCAFEBABE, info, [BlockA, BlockB]);

        Assert.Equal(28 + 48, length);
        Assert.True(RtcpPacket.TryParseReport(buffer.AsSpan(0, length), out var report));
        Assert.Equal(RtcpPacketType.SenderReport, report.Type);
        Assert.Equal(0xCAFEBABE, report.Ssrc);
        Assert.Equal(info, report.SenderInfo);
        Assert.Equal(2, report.BlockCount);
        Assert.Equal(BlockA, report.GetBlock(0));
        Assert.Equal(BlockB, report.GetBlock(1));
    }

    [Fact]
    public void ReceiverReport_WriteThenParse_RoundTrips()
    {
        var buffer = new byte[100];

        var length = RtcpPacket.WriteReceiverReport(buffer, 7, [BlockA]);

        Assert.Equal(32, length);
        Assert.Equal(201, buffer[1]);
        Assert.Equal(7, buffer[3]); // length in words minus one
        Assert.True(RtcpPacket.TryParseReport(buffer.AsSpan(0, length), out var report));
        Assert.Equal(RtcpPacketType.ReceiverReport, report.Type);
        Assert.Equal(BlockA, report.GetBlock(0));
    }

    [Fact]
    public void CompoundPacket_IsWalkedPacketByPacket()
    {
        var buffer = new byte[200];
        var length = RtcpPacket.WriteReceiverReport(buffer, 7, [BlockA]);
        length += RtcpPacket.WriteSourceDescription(buffer.AsSpan(length), 7, "parley@example");
        ReadOnlySpan<byte> compound = buffer.AsSpan(0, length);

        Assert.True(RtcpPacket.TryReadNext(ref compound, out var first, out var count, out _));
        Assert.True(RtcpPacket.TryReadNext(ref compound, out var second, out _, out var sdes));
        Assert.False(RtcpPacket.TryReadNext(ref compound, out _, out _, out _));

        Assert.Equal(RtcpPacketType.ReceiverReport, first);
        Assert.Equal(1, count);
        Assert.Equal(RtcpPacketType.SourceDescription, second);
        Assert.Equal(0, sdes.Length % 4);
        Assert.Equal(14, sdes[9]);
    }

    [Fact]
    public void TryReadNext_LengthBeyondDatagram_ReturnsFalse()
    {
        ReadOnlySpan<byte> bad = [0x80, 201, 0, 9, 0, 0, 0, 1];

        Assert.False(RtcpPacket.TryReadNext(ref bad, out _, out _, out _));
    }

    [Fact]
    public void TryParseReport_BlockCountBeyondData_ReturnsFalse()
    {
        byte[] bad = [0x82, 201, 0, 1, 0, 0, 0, 1];

        Assert.False(RtcpPacket.TryParseReport(bad, out _));
    }

    [Fact]
    public void NtpTimestamp_UnixEpoch_IsSeventyYearsAfter1900()
    {
        var ntp = NtpTimestamp.FromDateTimeOffset(DateTimeOffset.UnixEpoch.AddMilliseconds(500));

        Assert.Equal(2208988800UL, ntp >> 32);
        Assert.Equal(0x80000000UL, ntp & 0xFFFFFFFF);
        Assert.Equal(DateTimeOffset.UnixEpoch.AddMilliseconds(500), NtpTimestamp.ToDateTimeOffset(ntp));
    }
}
