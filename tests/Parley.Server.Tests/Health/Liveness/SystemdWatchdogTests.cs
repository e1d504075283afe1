using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Parley.Server.Health.Liveness;

namespace Parley.Server.Tests.Health.Liveness;

/// <summary>The watchdog talks to a real notify socket (a Unix datagram socket standing where systemd's would be).</summary>
[Collection(NotifySocketCollection.Name)]
public sealed class SystemdWatchdogTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly string _path = Path.Combine(Path.GetTempPath(), $"parley-notify-{Guid.NewGuid():N}.sock");
    private readonly Socket _systemd = new(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
    private readonly FakeTimeProvider _time = new();

    public SystemdWatchdogTests() => _systemd.Bind(new UnixDomainSocketEndPoint(_path));

    public void Dispose()
    {
        _systemd.Dispose();
        File.Delete(_path);
    }

    [Fact]
    public async Task WhileEveryLoopIsLive_TheWatchdogIsFed_AndAStalledLoopStopsItAndSaysWhich()
    {
        var probe = new StallableProbe("sip-receive");
        var lifetime = new ApplicationLifetime(NullLogger<ApplicationLifetime>.Instance);
        var options = Microsoft.Extensions.Options.Options.Create(new LivenessOptions { WatchdogInterval = TimeSpan.FromSeconds(1) });
        using var monitor = new LivenessMonitor([probe], options, _time, lifetime, NullLogger<LivenessMonitor>.Instance);
        using var watchdog = new SystemdWatchdog(NotifierAt(_path), monitor, options, _time, NullLogger<SystemdWatchdog>.Instance);
        await monitor.StartAsync(Ct);
        lifetime.NotifyStarted();
        await watchdog.StartAsync(Ct);

        // Both services start their timers on the thread pool: the clock may move only once each timer exists.
        Assert.Equal("WATCHDOG=1", await NextMessageAsync()); // the watchdog's timer is made before its first message
        await WaitUntilAsync(() => probe.Probes == 1); // and the monitor's before its first probe
        probe.Stall();

        // One watchdog interval at a time, so every tick is one message read at a known time. (Advancing 31 s at once
        // made up to 31 unread datagrams: a Unix datagram socket queues 10 (net.unix.max_dgram_qlen), then the
        // notifier's blocking send hangs the watchdog, and StopAsync waited for it for ever — why this test hung.)
        var messages = new List<string>();
        for (var second = 1; second <= 36; second++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            if (second == 5)
            {
                await WaitUntilAsync(() => probe.Probes == 2); // the second probe started at 5 s and hangs
            }

            messages.Add(await NextMessageAsync());
        }

        Assert.All(messages[..35], m => Assert.Equal("WATCHDOG=1", m)); // 30 s without an answer is still within the limit
        Assert.Equal("STATUS=Stalled: sip-receive: no answer for 31 s", messages[35]);

        probe.Resume();
        await WaitUntilAsync(() => monitor.Stalls().Count == 0);
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("WATCHDOG=1", await NextMessageAsync());

        // Bounded: the kept notifier sends with a blocking call, which waits while the socket's queue is full.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        stop.CancelAfter(TimeSpan.FromSeconds(10));
        await watchdog.StopAsync(stop.Token);
        await monitor.StopAsync(stop.Token);
    }

    /// <summary>The kept notifier reads <c>NOTIFY_SOCKET</c> when built; the variable is set only for that moment.</summary>
    private static SystemdNotifier NotifierAt(string path)
    {
        Environment.SetEnvironmentVariable("NOTIFY_SOCKET", path);
        try
        {
            return new SystemdNotifier();
        }
        finally
        {
            Environment.SetEnvironmentVariable("NOTIFY_SOCKET", null);
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10, Ct);
        }

        Assert.True(condition());
    }

    /// <summary>The next datagram on the notify socket; fails after 10 s rather than waiting for ever.</summary>
    private async Task<string> NextMessageAsync()
    {
        var buffer = new byte[1024];
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        var received = await _systemd.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
        return Encoding.UTF8.GetString(buffer, 0, received);
    }
}
