using Microsoft.Extensions.Time.Testing;
using Parley.Media.Scheduling;

namespace Parley.Media.Tests.Scheduling;

public sealed class MediaClockTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void EveryStream_IsServedOncePerFrame()
    {
        var clock = new MediaClock(_time);
        var streams = Enumerable.Range(0, 50).Select(_ => new RecordingStream(_time)).ToList();
        streams.ForEach(s => clock.Register(s));

        for (var ms = 0; ms < 1000; ms++)
        {
            clock.RunDue();
            _time.Advance(TimeSpan.FromMilliseconds(1));
        }

        Assert.All(streams, s => Assert.Equal(50, s.Ticks.Count));
        Assert.Equal(2500, clock.FramesServed);
    }

    [Fact]
    public void Stream_IsPacedExactlyOneFrameApart()
    {
        var clock = new MediaClock(_time);
        var stream = new RecordingStream(_time);
        clock.Register(stream);

        for (var ms = 0; ms < 200; ms++)
        {
            clock.RunDue();
            _time.Advance(TimeSpan.FromMilliseconds(1));
        }

        var gaps = stream.Ticks.Zip(stream.Ticks.Skip(1), (a, b) => _time.GetElapsedTime(a.ServedAt, b.ServedAt)).Distinct();
        Assert.Equal([TimeSpan.FromMilliseconds(20)], gaps);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (long)i), stream.Ticks.Select(t => t.Tick.FrameIndex));
    }

    [Fact]
    public void Streams_AreSpreadOverThePhaseSlots()
    {
        var clock = new MediaClock(_time);

        var slots = Enumerable.Range(0, 40).Select(_ => clock.Register(new RecordingStream(_time)).Slot).ToList();

        Assert.All(slots.GroupBy(s => s), g => Assert.Equal(2, g.Count()));
        Assert.Equal(20, slots.Distinct().Count());
    }

    [Fact]
    public void DisposedRegistration_IsNoLongerServed()
    {
        var clock = new MediaClock(_time);
        var stream = new RecordingStream(_time);
        var registration = clock.Register(stream);
        clock.RunDue();

        registration.Dispose();
        registration.Dispose();
        _time.Advance(TimeSpan.FromMilliseconds(100));
        clock.RunDue();

        Assert.Single(stream.Ticks);
        Assert.Equal(0, clock.StreamCount);
    }

    [Fact]
    public void LateClock_CatchesUpEveryMissedFrameWithinTheLimit()
    {
        var clock = new MediaClock(_time);
        var stream = new RecordingStream(_time);
        clock.Register(stream);
        clock.RunDue();

        _time.Advance(TimeSpan.FromMilliseconds(60));
        clock.RunDue();

        Assert.Equal(4, stream.Ticks.Count);
        Assert.Equal(0, clock.Overruns);
        Assert.Equal(TimeSpan.FromMilliseconds(40), clock.SendJitter.Max); // frame 1 was due at 20 ms
    }

    [Fact]
    public void StalledClock_SkipsAheadAndTellsTheStreamHowManyFramesWereSkipped()
    {
        var clock = new MediaClock(_time, new MediaClockOptions { MaxCatchUp = TimeSpan.FromMilliseconds(100) });
        var stream = new RecordingStream(_time);
        clock.Register(stream);
        clock.RunDue();

        _time.Advance(TimeSpan.FromSeconds(1));
        clock.RunDue();

        Assert.Equal(1, clock.Overruns);
        Assert.Equal(2, stream.Ticks.Count);
        Assert.Equal(50, stream.Ticks[1].Tick.FrameIndex);
        Assert.Equal(49, stream.Ticks[1].Tick.FramesSkipped);
    }

    [Fact]
    public void ThrowingStream_DoesNotStopTheOthers()
    {
        var clock = new MediaClock(_time);
        var bad = new RecordingStream(_time) { OnServed = () => throw new InvalidOperationException("boom") };
        var good = new RecordingStream(_time);
        clock.Register(bad);
        clock.Register(good);

        for (var ms = 0; ms < 40; ms++)
        {
            clock.RunDue();
            _time.Advance(TimeSpan.FromMilliseconds(1));
        }

        Assert.Equal(2, good.Ticks.Count);
        Assert.Equal(2, bad.Ticks.Count);
    }

    [Fact]
    public void OnTimeClock_RecordsZeroSendJitter()
    {
        var clock = new MediaClock(_time);
        clock.Register(new RecordingStream(_time));

        for (var ms = 0; ms < 100; ms++)
        {
            clock.RunDue();
            _time.Advance(TimeSpan.FromMilliseconds(1));
        }

        Assert.Equal(5, clock.SendJitter.Count);
        Assert.Equal(TimeSpan.FromMicroseconds(10), clock.SendJitter.Percentile(99));
    }

    [Fact]
    public async Task StartedLoop_ServesStreamsAsFakeTimeAdvances()
    {
        var clock = new MediaClock(_time);
        var served = new TaskCompletionSource();
        var stream = new RecordingStream(_time);
        stream.OnServed = () =>
        {
            if (stream.Ticks.Count == 5)
            {
                served.TrySetResult();
            }
        };
        clock.Register(stream);

        clock.Start();
        while (!served.Task.IsCompleted)
        {
            _time.Advance(TimeSpan.FromMilliseconds(1));
            await Task.Yield();
        }

        await clock.DisposeAsync();
        Assert.False(clock.IsRunning);
        Assert.True(stream.Ticks.Count >= 5);
    }

    [Fact]
    public void TwoLanes_ShareTheStreamsAndServeEachOncePerFrame()
    {
        var clock = new MediaClock(_time, new MediaClockOptions { Lanes = 2 });
        var streams = Enumerable.Range(0, 80).Select(_ => new RecordingStream(_time)).ToList();

        var registrations = streams.Select(clock.Register).ToList();
        for (var ms = 0; ms < 100; ms++)
        {
            clock.RunDue();
            _time.Advance(TimeSpan.FromMilliseconds(1));
        }

        Assert.Equal(40, registrations.Count(r => r.Lane == 0));
        Assert.Equal(40, registrations.Count(r => r.Lane == 1));
        Assert.All(registrations.GroupBy(r => (r.Lane, r.Slot)), g => Assert.Equal(2, g.Count()));
        Assert.All(streams, s => Assert.Equal(5, s.Ticks.Count));
        Assert.Equal(400, clock.FramesServed);
    }

    [Fact]
    public void Options_OutOfRange_AreRejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new MediaClock(_time, new MediaClockOptions { SlotsPerFrame = 0 }));
}
