using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Parley.Server.Extensions;
using Parley.Server.Logging;

namespace Parley.Server.Health.Liveness;

/// <summary>
/// Probes every main loop each <see cref="LivenessOptions.ProbeInterval"/> once the host has started, and keeps what
/// each loop last proved. A probe still waiting, or failing, for longer than <see cref="LivenessOptions.StallAfter"/>
/// makes its loop stalled: <c>/health/live</c> answers 503 and the systemd watchdog goes unfed. A waiting probe is
/// never started twice, so a hung loop costs one pending task, not one per interval.
/// </summary>
public sealed class LivenessMonitor(
    IEnumerable<ILivenessProbe> probes,
    IOptions<LivenessOptions> options,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<LivenessMonitor> logger) : BackgroundService
{
    private readonly ILivenessProbe[] _probes = [.. probes];
    private readonly ConcurrentDictionary<string, LoopStatus> _loops = new(StringComparer.Ordinal);
    private readonly HashSet<string> _reportedStalls = new(StringComparer.Ordinal);
    private readonly LivenessOptions _options = options.Value;

    /// <summary>Every probed loop as last seen.</summary>
    public IReadOnlyCollection<LoopStatus> Loops => [.. _loops.Values];

    /// <summary>Why each stalled loop is stalled now; empty while every loop is live.</summary>
    public IReadOnlyList<string> Stalls()
    {
        var now = time.GetUtcNow();
        return [.. _loops.Values.Select(loop => loop.StallAt(now, _options.StallAfter)).OfType<string>().Order(StringComparer.Ordinal)];
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await StartedAsync(stoppingToken).ConfigureAwait(false))
        {
            return;
        }

        using var timer = new PeriodicTimer(_options.ProbeInterval, time);
        do
        {
            foreach (var probe in _probes)
            {
                StartProbe(probe, stoppingToken);
            }

            ReportChanges();
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    private async Task<bool> StartedAsync(CancellationToken stoppingToken)
    {
        try
        {
            await lifetime.WaitForStartAsync(stoppingToken).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private void StartProbe(ILivenessProbe probe, CancellationToken stoppingToken)
    {
        var startedAt = time.GetUtcNow();
        var current = _loops.GetOrAdd(probe.Loop, loop => new LoopStatus(loop, null, null, null, null));
        if (current.WaitingSince is not null)
        {
            return;
        }

        _loops[probe.Loop] = current with { WaitingSince = startedAt };
        _ = RunProbeAsync(probe, startedAt, stoppingToken);
    }

    private async Task RunProbeAsync(ILivenessProbe probe, DateTimeOffset startedAt, CancellationToken stoppingToken)
    {
        try
        {
            await probe.ProbeAsync(stoppingToken).ConfigureAwait(false);
            _loops[probe.Loop] = new LoopStatus(probe.Loop, time.GetUtcNow(), null, null, null);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            var before = _loops[probe.Loop];
            _loops[probe.Loop] = before with { WaitingSince = null, FailingSince = before.FailingSince ?? startedAt, LastError = ex.Message };
        }
    }

    private void ReportChanges()
    {
        var now = time.GetUtcNow();
        foreach (var loop in _loops.Values)
        {
            var stall = loop.StallAt(now, _options.StallAfter);
            if (stall is not null && _reportedStalls.Add(loop.Loop))
            {
                Log.LoopStalled(logger, stall);
            }
            else if (stall is null && _reportedStalls.Remove(loop.Loop))
            {
                Log.LoopRecovered(logger, loop.Loop);
            }
        }
    }
}
