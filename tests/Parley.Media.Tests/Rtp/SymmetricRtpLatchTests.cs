using System.Net;
using Microsoft.Extensions.Time.Testing;
using Parley.Media.Rtp;

namespace Parley.Media.Tests.Rtp;

public sealed class SymmetricRtpLatchTests
{
    private static readonly SocketAddress PeerA = new IPEndPoint(IPAddress.Parse("192.0.2.1"), 4000).Serialize();
    private static readonly SocketAddress PeerB = new IPEndPoint(IPAddress.Parse("192.0.2.2"), 5000).Serialize();

    [Fact]
    public void FirstPacket_LatchesItsSource()
    {
        var latch = new SymmetricRtpLatch(new FakeTimeProvider());

        Assert.True(latch.Observe(PeerA));

        Assert.Equal(PeerA, latch.Latched);
    }

    [Fact]
    public void PacketFromAnotherSource_WhileLatchedSourceIsActive_IsDropped()
    {
        var time = new FakeTimeProvider();
        var latch = new SymmetricRtpLatch(time);
        latch.Observe(PeerA);
        time.Advance(TimeSpan.FromMilliseconds(20));

        Assert.False(latch.Observe(PeerB));
        Assert.Equal(PeerA, latch.Latched);
    }

    [Fact]
    public void PacketFromAnotherSource_AfterLatchedSourceFellSilent_Relatches()
    {
        var time = new FakeTimeProvider();
        var latch = new SymmetricRtpLatch(time, TimeSpan.FromSeconds(1));
        latch.Observe(PeerA);
        time.Advance(TimeSpan.FromSeconds(2));

        Assert.True(latch.Observe(PeerB));

        Assert.Equal(PeerB, latch.Latched);
        Assert.Equal(1, latch.Relatches);
    }

    [Fact]
    public void Latch_KeepsItsOwnCopyOfTheAddress()
    {
        var latch = new SymmetricRtpLatch(new FakeTimeProvider());
        var buffer = new IPEndPoint(IPAddress.Loopback, 1234).Serialize();
        latch.Observe(buffer);

        buffer.Buffer.Span[2] ^= 0xFF;

        Assert.NotEqual(buffer, latch.Latched);
    }
}
