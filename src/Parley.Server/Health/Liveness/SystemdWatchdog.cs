using System.Globalization;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Options;
using Parley.Server.Logging;

namespace Parley.Server.Health.Liveness;

/// <summary>
/// Feeds systemd's watchdog (<c>WATCHDOG=1</c> over the notify socket, through the kept
/// <see cref="ISystemdNotifier"/>) while every main loop is live, and stops feeding it while one is stalled, so a
/// unit with <c>WatchdogSec=</c> and <c>Restart=on-failure</c> restarts a hung process; meanwhile <c>STATUS=</c> says
/// which loop stalled (<c>systemctl status</c> shows it). Does nothing outside systemd.
/// </summary>
public sealed class SystemdWatchdog(
    ISystemdNotifier notifier,
    LivenessMonitor monitor,
    IOptions<LivenessOptions> options,
    TimeProvider time,
    ILogger<SystemdWatchdog> logger) : BackgroundService
{
    private static readonly ServiceState Alive = new("WATCHDOG=1");

    /// <summary>The interval from options, else half of systemd's <c>WATCHDOG_USEC</c>; null when there is no watchdog.</summary>
    public static TimeSpan? IntervalOf(LivenessOptions options, string? watchdogMicroseconds) =>
        options.WatchdogInterval
        ?? (long.TryParse(watchdogMicroseconds, NumberStyles.None, CultureInfo.InvariantCulture, out var usec) && usec > 0
            ? TimeSpan.FromMicroseconds(usec / 2.0)
            : null);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!notifier.IsEnabled || IntervalOf(options.Value, Environment.GetEnvironmentVariable("WATCHDOG_USEC")) is not { } interval)
        {
            return;
        }

        Log.WatchdogEnabled(logger, interval.TotalSeconds);
        using var timer = new PeriodicTimer(interval, time);
        do
        {
            var stalls = monitor.Stalls();
            notifier.Notify(stalls.Count == 0 ? Alive : new ServiceState("STATUS=Stalled: " + string.Join("; ", stalls)));
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
