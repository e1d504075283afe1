using Parley.Media.Rtp;

namespace Parley.Media.Tests.Rtp;

public sealed class PayloadFifoTests
{
    [Fact]
    public void ThirtyMsPackets_AreRepacketizedIntoTwentyMsFrames()
    {
        var fifo = new PayloadFifo(1600);
        var frame = new byte[160];

        fifo.Write(Enumerable.Range(0, 240).Select(i => (byte)i).ToArray());

        Assert.True(fifo.TryRead(frame));
        Assert.Equal(159, frame[159]);
        Assert.False(fifo.TryRead(frame));
        fifo.Write(new byte[240]);
        Assert.True(fifo.TryRead(frame));
        Assert.Equal(160, frame[0]);
        Assert.Equal(0, frame[80]);
    }

    [Fact]
    public void Overflow_DropsTheOldestAudio()
    {
        var fifo = new PayloadFifo(320);
        var frame = new byte[160];

        fifo.Write(Enumerable.Repeat((byte)1, 160).ToArray());
        fifo.Write(Enumerable.Repeat((byte)2, 160).ToArray());
        fifo.Write(Enumerable.Repeat((byte)3, 160).ToArray());

        Assert.Equal(160, fifo.DroppedBytes);
        Assert.True(fifo.TryRead(frame));
        Assert.Equal(2, frame[0]);
        Assert.True(fifo.TryRead(frame));
        Assert.Equal(3, frame[159]);
    }

    [Fact]
    public void Discard_DropsTheOldestBytesAndCountsThem()
    {
        var fifo = new PayloadFifo(100);
        fifo.Write([1, 2, 3, 4]);

        fifo.Discard(3);
        fifo.Discard(10);

        Assert.Equal(0, fifo.Count);
        Assert.Equal(4, fifo.DroppedBytes);
    }

    [Fact]
    public void WrapAround_KeepsBytesInOrder()
    {
        var fifo = new PayloadFifo(300);
        var frame = new byte[160];
        fifo.Write(new byte[200]);
        fifo.TryRead(frame);

        fifo.Write(Enumerable.Range(0, 200).Select(i => (byte)i).ToArray());
        fifo.TryRead(new byte[40]);
        fifo.TryRead(frame);

        Assert.Equal(Enumerable.Range(0, 160).Select(i => (byte)i), frame);
        Assert.Equal(40, fifo.Count);
    }
}
