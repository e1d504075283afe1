using Microsoft.Extensions.Logging.Abstractions;
using Parley.Voice.Ivr;
using Parley.Voice.Tests.Ivr.Support;

namespace Parley.Voice.Tests.Ivr;

public sealed class QueueWaitPlayerTests : IAsyncDisposable
{
    private readonly MediaPair _pair = MediaPair.Start();
    private readonly ToneCallAudio _audio = new() { PromptLength = TimeSpan.FromMilliseconds(200) };
    private int _asked;

    public async ValueTask DisposeAsync() => await _pair.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private QueueWaitPlayer Player(TimeSpan interval, char? breakout = null) => new(
        _pair.Parley,
        Guid.NewGuid(),
        _audio,
        new QueueWaitSettings { AnnouncementInterval = interval, BreakoutDigit = breakout, Voice = "en-us" },
        _ =>
        {
            // The caller moves up the queue between announcements.
            var asked = Interlocked.Increment(ref _asked);
            return ValueTask.FromResult<QueuePosition?>(new QueuePosition(Math.Max(1, 3 - asked), TimeSpan.FromMinutes(4 - asked)));
        },
        TimeProvider.System,
        NullLogger<QueueWaitPlayer>.Instance);

    [Fact]
    public async Task TheCallerHearsTheirPositionAsSoonAsItIsKnown_ThenMusic_ThenTheNextAnnouncement()
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var run = Player(TimeSpan.FromMilliseconds(500)).RunAsync(stop.Token);

        const string First = "You are number two in the queue. Your estimated wait is about three minutes.";
        const string Second = "You are number one in the queue. Your estimated wait is about two minutes.";
        await MediaPair.WaitUntilAsync(() => Spoken().StartsWith(First + " " + Second, StringComparison.Ordinal));
        await stop.CancelAsync();

        Assert.Equal(QueueWaitOutcome.Stopped, await run);
        Assert.Equal("You are number", _audio.Prompts.First().Text); // rendered phrase by phrase, played as one sentence
        Assert.Equal(1, _audio.MusicOpened); // the same music resumes after each announcement
        Assert.True(_pair.LoudFrames > 20);
    }

    private string Spoken() => string.Join(' ', _audio.Prompts.ToArray().Select(p => p.Text));

    [Fact]
    public async Task MusicPlaysFromTheFirstMoment_EvenWhileThePositionIsStillBeingLookedUp()
    {
        var lookup = new TaskCompletionSource<QueuePosition?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var player = new QueueWaitPlayer(
            _pair.Parley, Guid.NewGuid(), _audio, new QueueWaitSettings { AnnouncementInterval = TimeSpan.FromSeconds(30), Voice = "en-us" },
            _ => new ValueTask<QueuePosition?>(lookup.Task), TimeProvider.System, NullLogger<QueueWaitPlayer>.Instance);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var run = player.RunAsync(stop.Token);

        await MediaPair.WaitUntilAsync(() => _pair.LoudFrames > 10);
        Assert.Empty(_audio.Prompts);
        lookup.SetResult(new QueuePosition(1, TimeSpan.FromMinutes(1)));
        await MediaPair.WaitUntilAsync(() => Spoken() == "You are number one in the queue. Your estimated wait is about one minute.");
        await stop.CancelAsync();

        Assert.Equal(QueueWaitOutcome.Stopped, await run);
    }

    [Fact]
    public async Task TheBreakoutKey_EndsTheWait_OtherKeysDoNot()
    {
        var run = Player(TimeSpan.FromSeconds(30), breakout: '*').RunAsync(Ct);
        await MediaPair.WaitUntilAsync(() => _pair.LoudFrames > 3);

        Assert.True(_pair.Caller.SendDigits("5"));
        await MediaPair.WaitUntilAsync(() => _pair.Parley.GetStatistics().DigitsReceived == 1);
        Assert.False(run.IsCompleted);
        Assert.True(_pair.Caller.SendDigits("*"));

        Assert.Equal(QueueWaitOutcome.Breakout, await run.WaitAsync(TimeSpan.FromSeconds(3), Ct));
    }

    [Fact]
    public async Task AfterTheWait_TheSessionPlaysNoMore()
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var run = Player(TimeSpan.FromSeconds(30)).RunAsync(stop.Token);
        await MediaPair.WaitUntilAsync(() => _audio.MusicOpened == 1 && _pair.LoudFrames > 15);

        await stop.CancelAsync();
        await run;
        await Task.Delay(100, Ct); // frames already in flight arrive
        var loud = _pair.LoudFrames;
        var heard = _pair.FramesHeard;
        await MediaPair.WaitUntilAsync(() => _pair.FramesHeard > heard + 10); // silence keeps coming

        Assert.InRange(_pair.LoudFrames, loud, loud + 1);
    }
}
