using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Parley.Server.Health.Liveness;

namespace Parley.Server.Tests.Health.Liveness;

public sealed class LivenessMonitorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-12-04T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private readonly StallableProbe _media = new("media-clock");
    private readonly StallableProbe _sip = new("sip-receive");

    [Fact]
    public async Task ALoopWhoseProbeWaitsLongerThanTheLimit_IsStalled_UntilItAnswersAgain()
    {
        using var monitor = await StartedMonitorAsync();
        await WaitUntilAsync(() => monitor.Loops.Count == 2 && monitor.Loops.All(l => l.LastBeatAt is not null));

        _media.Stall();
        _time.Advance(TimeSpan.FromSeconds(5)); // the next probe starts and hangs
        await WaitUntilAsync(() => monitor.Loops.Single(l => l.Loop == "media-clock").WaitingSince is not null);
        _time.Advance(TimeSpan.FromSeconds(29));
        Assert.Empty(monitor.Stalls()); // 29 s without an answer is still within the 30 s limit
        _time.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(["media-clock: no answer for 31 s"], monitor.Stalls());
        Assert.Equal(2, _media.Probes); // a waiting probe is not started again
        _media.Resume();
        await WaitUntilAsync(() => monitor.Stalls().Count == 0);
    }

    [Fact]
    public async Task ALoopWhoseProbesKeepFailing_IsStalledAfterTheLimit()
    {
        var failing = new FailingProbe();
        using var monitor = await StartedMonitorAsync(failing);
        await WaitUntilAsync(() => monitor.Loops.Any(l => l.Loop == "sip-receive" && l.FailingSince is not null));

        for (var i = 0; i < 7; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(5));
        }

        Assert.Equal(["sip-receive: failing for 35 s (No answer.)"], monitor.Stalls());
    }

    [Fact]
    public void TheWatchdogInterval_IsHalfOfSystemdsWatchdogUsec_UnlessConfigured()
    {
        Assert.Equal(TimeSpan.FromSeconds(15), SystemdWatchdog.IntervalOf(new LivenessOptions(), "30000000"));
        Assert.Equal(TimeSpan.FromSeconds(2), SystemdWatchdog.IntervalOf(new LivenessOptions { WatchdogInterval = TimeSpan.FromSeconds(2) }, "30000000"));
        Assert.Null(SystemdWatchdog.IntervalOf(new LivenessOptions(), null));
        Assert.Null(SystemdWatchdog.IntervalOf(new LivenessOptions(), "junk"));
    }

    private async Task<LivenessMonitor> StartedMonitorAsync(ILivenessProbe? sip = null)
    {
        var lifetime = new ApplicationLifetime(NullLogger<ApplicationLifetime>.Instance);
        var monitor = new LivenessMonitor(
            [_media, sip ?? _sip], Microsoft.Extensions.Options.Options.Create(new LivenessOptions()), _time, lifetime, NullLogger<LivenessMonitor>.Instance);
        await monitor.StartAsync(Ct);
        lifetime.NotifyStarted();
        return monitor;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10, Ct);
        }

        Assert.True(condition());
    }

    private sealed class FailingProbe : ILivenessProbe
    {
        public string Loop => "sip-receive";

        public Task ProbeAsync(CancellationToken cancellationToken) => throw new InvalidOperationException("No answer.");
    }
}
