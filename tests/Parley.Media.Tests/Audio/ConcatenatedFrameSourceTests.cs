using Parley.Media.Audio;

namespace Parley.Media.Tests.Audio;

public sealed class ConcatenatedFrameSourceTests
{
    [Fact]
    public void ThePartsPlayBackToBack_WithoutASilentFrameBetweenThem()
    {
        var first = new Frames(2, 100);
        var second = new Frames(3, 200);
        var joined = new ConcatenatedFrameSource([first, second]);
        var frame = new short[160];
        var heard = new List<short>();

        while (joined.TryReadFrame(frame))
        {
            heard.Add(frame[0]);
        }

        Assert.Equal([100, 100, 200, 200, 200], heard);
        Assert.False(joined.TryReadFrame(frame));
    }

    [Fact]
    public void AnEmptyPart_IsSkipped_AndNoPartsIsSilence()
    {
        var joined = new ConcatenatedFrameSource([new Frames(0, 1), new Frames(1, 7)]);
        var frame = new short[160];

        Assert.True(joined.TryReadFrame(frame));
        Assert.Equal(7, frame[0]);
        Assert.False(new ConcatenatedFrameSource([]).TryReadFrame(frame));
    }

    [Fact]
    public void DisposingTheWhole_DisposesEveryPart()
    {
        var parts = new[] { new Frames(1, 1), new Frames(1, 2) };

        new ConcatenatedFrameSource(parts).Dispose();

        Assert.All(parts, p => Assert.True(p.Disposed));
    }

    /// <summary><paramref name="count"/> frames, every sample <paramref name="value"/>.</summary>
    private sealed class Frames(int count, short value) : IAudioFrameSource, IDisposable
    {
        private int _left = count;

        public bool Disposed { get; private set; }

        public bool TryReadFrame(Span<short> frame)
        {
            if (_left == 0)
            {
                return false;
            }

            _left--;
            frame.Fill(value);
            return true;
        }

        public void Dispose() => Disposed = true;
    }
}
