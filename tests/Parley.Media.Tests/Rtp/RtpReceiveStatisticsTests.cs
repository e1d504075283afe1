using Parley.Media.Rtp;

namespace Parley.Media.Tests.Rtp;

public sealed class RtpReceiveStatisticsTests
{
    [Fact]
    public void InOrderStream_HasNoLossAndNoJitter()
    {
        var stats = new RtpReceiveStatistics();

        for (var i = 0; i < 100; i++)
        {
            stats.Update(1, (ushort)(1000 + i), (uint)(i * 160), i * 160);
        }

        Assert.Equal(100, stats.PacketsReceived);
        Assert.Equal(0, stats.CumulativeLost);
        Assert.Equal(1099u, stats.ExtendedHighestSequence);
        Assert.Equal(0u, stats.Jitter);
    }

    [Fact]
    public void MissingPackets_AreCountedAsLostAndInTheFraction()
    {
        var stats = new RtpReceiveStatistics();
        for (var i = 0; i < 100; i++)
        {
            if (i % 4 != 3)
            {
                stats.Update(1, (ushort)i, (uint)(i * 160), i * 160);
            }
        }

        var block = stats.CreateReportBlock();

        Assert.Equal(24, block.CumulativeLost);
        Assert.Equal(62, block.FractionLost); // 24 of 99 expected, × 256
        Assert.Equal(0, stats.CreateReportBlock().FractionLost);
    }

    [Fact]
    public void SequenceWrap_CountsACycle()
    {
        var stats = new RtpReceiveStatistics();
        for (var i = 0; i < 20; i++)
        {
            stats.Update(1, (ushort)(65530 + i), (uint)(i * 160), i * 160);
        }

        Assert.Equal(65536u + 13, stats.ExtendedHighestSequence);
        Assert.Equal(0, stats.CumulativeLost);
    }

    [Fact]
    public void ReorderedPacket_IsNotLost()
    {
        var stats = new RtpReceiveStatistics();
        stats.Update(1, 10, 0, 0);
        stats.Update(1, 12, 320, 320);
        stats.Update(1, 11, 160, 330);

        Assert.Equal(0, stats.CumulativeLost);
        Assert.Equal(12u, stats.ExtendedHighestSequence);
    }

    [Fact]
    public void Jitter_FollowsRfc3550IntegerFormula()
    {
        var stats = new RtpReceiveStatistics();

        stats.Update(1, 1, 0, 0);
        stats.Update(1, 2, 160, 320);

        // D = 160, J = 0 + (160 - 0) / 16 = 10.
        Assert.Equal(10u, stats.Jitter);
    }

    [Fact]
    public void BigJumpThenSequential_ResyncsToTheNewSequence()
    {
        var stats = new RtpReceiveStatistics();
        stats.Update(1, 100, 0, 0);

        Assert.False(stats.Update(1, 30000, 160, 160));
        Assert.True(stats.Update(1, 30001, 320, 320));

        Assert.Equal(30001u, stats.ExtendedHighestSequence);
        Assert.Equal(0, stats.CumulativeLost);
    }

    [Fact]
    public void NewSsrc_RestartsTheStatistics()
    {
        var stats = new RtpReceiveStatistics();
        stats.Update(1, 100, 0, 0);
        stats.Update(2, 7, 0, 0);

        Assert.Equal(2u, stats.Ssrc);
        Assert.Equal(7u, stats.ExtendedHighestSequence);
        Assert.Equal(1, stats.PacketsReceived);
    }
}
