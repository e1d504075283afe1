using Parley.Media.Scheduling;

namespace Parley.Media.Tests.Scheduling;

public sealed class MediaClockSystemTimeTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task OnTheSystemClock_ItsOwnThreadPacesStreamsTwentyMsApart(int lanes)
    {
        await using var clock = new MediaClock(TimeProvider.System, new MediaClockOptions { ThreadPriority = ClockThreadPriority.Normal, Lanes = lanes });
        var stream = new RecordingStream(TimeProvider.System);
        var tenFrames = new TaskCompletionSource();
        stream.OnServed = () =>
        {
            if (stream.Ticks.Count == 10)
            {
                tenFrames.TrySetResult();
            }
        };
        clock.Register(stream);

        clock.Start();
        await tenFrames.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await clock.DisposeAsync();

        Assert.False(clock.IsRunning);
        var ticks = stream.Ticks.Take(10).ToList();
        var span = TimeProvider.System.GetElapsedTime(ticks[0].Tick.Due, ticks[9].Tick.Due);
        Assert.Equal(TimeSpan.FromMilliseconds(180), span);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (long)i), ticks.Select(t => t.Tick.FrameIndex));
    }
}
