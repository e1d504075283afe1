using Microsoft.Extensions.DependencyInjection;
using Parley.Server.Health.Liveness;
using Parley.Server.Tests.Support;

namespace Parley.Server.Tests.Health.Liveness;

/// <summary>The running server proves its media clock, SIP receive loop and routing scheduler turn; a stalled loop shows on /health/live.</summary>
public sealed class MainLoopsTests(LivenessAppFactory factory) : IClassFixture<LivenessAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheRealMainLoops_AnswerTheirProbes_AndLiveIsHealthy()
    {
        using var client = factory.CreateAnonymousClient();
        var monitor = factory.Services.GetRequiredService<LivenessMonitor>();

        // The media clock (started by the first call, here by the test) runs on the fake clock: it serves the probe's
        // frame once time moves on.
        factory.Services.GetRequiredService<Parley.Media.MediaEngine>().Clock.Start();
        var since = factory.Time.GetUtcNow();
        for (var i = 0; i < 800 && monitor.Loops.Count(l => l.LastBeatAt > since) < 4; i++)
        {
            factory.Time.Advance(TimeSpan.FromMilliseconds(20));
            await Task.Delay(10, Ct);
        }

        Assert.Equal(["media-clock", "routing", "sip-receive", "test-loop"], monitor.Loops.Where(l => l.LastBeatAt > since).Select(l => l.Loop).Order(StringComparer.Ordinal));
        await (await client.GetAsync("/health/live", Ct)).ExpectAsync(200);
    }

    [Fact]
    public async Task AStalledLoop_TurnsLiveUnhealthy_AndItsRecoveryTurnsItBack()
    {
        using var client = factory.CreateAnonymousClient();
        var monitor = factory.Services.GetRequiredService<LivenessMonitor>();
        factory.Probe.Stall();
        using var resume = new Finally(factory.Probe.Resume); // the other test of the class needs the loop live again
        var probes = factory.Probe.Probes;
        for (var i = 0; i < 500 && monitor.Loops.FirstOrDefault(l => l.Loop == "test-loop")?.WaitingSince is null; i++)
        {
            factory.Time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(10, Ct);
        }

        factory.Time.Advance(TimeSpan.FromSeconds(31));
        await (await client.GetAsync("/health/live", Ct)).ExpectAsync(503);
        Assert.Contains(monitor.Stalls(), s => s.StartsWith("test-loop: no answer for", StringComparison.Ordinal));
        Assert.Equal(probes + 1, factory.Probe.Probes); // a waiting probe is not started again

        factory.Probe.Resume();
        for (var i = 0; i < 500 && monitor.Stalls().Count > 0; i++)
        {
            await Task.Delay(10, Ct);
        }

        Assert.Empty(monitor.Stalls());
        await (await client.GetAsync("/health/live", Ct)).ExpectAsync(200);
    }

    private sealed class Finally(Action action) : IDisposable
    {
        public void Dispose() => action();
    }
}
