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

        Assert.Equal("WATCHDOG=1", await NextMessageAsync());
        probe.Stall();
        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal("WATCHDOG=1", await NextMessageAsync()); // the probe waits, but not for long yet
        _time.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal("STATUS=Stalled: sip-receive: no answer for 31 s", await NextMessageAsync());

        probe.Resume();
        for (var i = 0; i < 500 && monitor.Stalls().Count > 0; i++)
        {
            await Task.Delay(10, Ct);
        }

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("WATCHDOG=1", await NextMessageAsync());
        await watchdog.StopAsync(Ct);
        await monitor.StopAsync(Ct);
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

    private async Task<string> NextMessageAsync()
    {
        var buffer = new byte[1024];
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        var received = await _systemd.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
        return Encoding.UTF8.GetString(buffer, 0, received);
    }
}
