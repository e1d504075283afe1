using Parley.Media.Rtp;

namespace Parley.Media.Tests.Rtp;

public sealed class RtpPacketTests
{
    [Fact]
    public void WriteThenParse_RoundTripsHeaderAndPayload()
    {
        var buffer = new byte[200];
        byte[] payload = [1, 2, 3, 4, 5];

        var length = RtpPacket.Write(buffer, new RtpHeader(true, 8, 65535, 0xDEADBEEF, 0x01020304), payload);

        Assert.Equal(17, length);
        Assert.True(RtpPacket.TryParse(buffer.AsSpan(0, length), out var header));
        Assert.True(header.Marker);
        Assert.Equal(8, header.PayloadType);
        Assert.Equal(65535, header.SequenceNumber);
        Assert.Equal(0xDEADBEEF, header.Timestamp);
        Assert.Equal(0x01020304u, header.Ssrc);
        Assert.Equal(payload, RtpPacket.Payload(buffer.AsSpan(0, length), header).ToArray());
    }

    [Fact]
    public void Parse_WithCsrcExtensionAndPadding_FindsThePayload()
    {
        byte[] packet =
        [
            0xB1, 0x00, 0x00, 0x01, 0, 0, 0, 160, 0, 0, 0, 9, // V=2 P=1 X=1 CC=1
            0, 0, 0, 7, // CSRC
            0xBE, 0xDE, 0x00, 0x01, 1, 2, 3, 4, // extension, one word
            0xAA, 0xBB, // payload
            0, 0, 3, // padding of 3
        ];

        Assert.True(RtpPacket.TryParse(packet, out var header));

        Assert.Equal(1, header.CsrcCount);
        Assert.True(header.Extension);
        Assert.Equal(24, header.PayloadOffset);
        Assert.Equal(new byte[] { 0xAA, 0xBB }, RtpPacket.Payload(packet, header).ToArray());
    }

    [Theory]
    [InlineData(new byte[] { 0x80, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0 })] // too short
    [InlineData(new byte[] { 0x40, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1 })] // version 1
    [InlineData(new byte[] { 0x80, 200, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1 })] // RTCP SR multiplexed
    [InlineData(new byte[] { 0x81, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1 })] // CSRC count beyond the data
    [InlineData(new byte[] { 0x90, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 5 })] // extension beyond the data
    [InlineData(new byte[] { 0xA0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 9 })] // padding longer than payload
    [InlineData(new byte[] { 0xA0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0 })] // zero padding length
    public void Parse_MalformedPacket_ReturnsFalse(byte[] packet) =>
        Assert.False(RtpPacket.TryParse(packet, out _));

    [Fact]
    public void Write_DestinationTooSmall_ReturnsZero() =>
        Assert.Equal(0, RtpPacket.Write(new byte[20], new RtpHeader(false, 0, 1, 1, 1), new byte[160]));

    [Fact]
    public void Sender_AdvancesSequenceAndTimestampAndWraps()
    {
        var sender = new RtpSender(42, 65535, uint.MaxValue - 100);
        var buffer = new byte[200];
        var payload = new byte[160];

        sender.WriteNext(buffer, 0, payload, 160, marker: true);
        RtpPacket.TryParse(buffer, out var first);
        sender.WriteNext(buffer, 0, payload, 160);
        RtpPacket.TryParse(buffer, out var second);

        Assert.Equal(65535, first.SequenceNumber);
        Assert.True(first.Marker);
        Assert.Equal(0, second.SequenceNumber);
        Assert.Equal(59u, second.Timestamp);
        Assert.Equal(2, sender.PacketsSent);
        Assert.Equal(320, sender.OctetsSent);
    }

    [Fact]
    public void Sender_WithExplicitTimestamp_LeavesTheMediaClockAlone()
    {
        var sender = new RtpSender(42, 1, 1000);
        var buffer = new byte[50];

        sender.WriteWithTimestamp(buffer, 101, new byte[4], 800, marker: false);

        Assert.Equal(1000u, sender.NextTimestamp);
        Assert.Equal(2, sender.NextSequence);
    }
}
