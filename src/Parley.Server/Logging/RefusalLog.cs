using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Parley.Server.Options;

namespace Parley.Server.Logging;

/// <summary>
/// Counts refused requests (rate limits, credential budgets) and writes one line per kind per interval with the count
/// and the busiest source, instead of a line per request: a flood cannot fill the disk or drown the other logs.
/// </summary>
public sealed class RefusalLog : IHostedService, IDisposable
{
    private const int MaxSources = 10_000;
    private readonly ConcurrentDictionary<(string Kind, string Source), long> _counts = new();
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;
    private readonly ILogger<RefusalLog> _logger;
    private ITimer? _timer;

    public RefusalLog(TimeProvider time, IOptions<RateLimitOptions> options, ILogger<RefusalLog> logger)
    {
        _time = time;
        _interval = options.Value.RefusalLogInterval;
        _logger = logger;
    }

    /// <summary>Counts one refused request of <paramref name="kind"/> (e.g. <c>rate-limit</c>, <c>sign-in</c>).</summary>
    public void Count(string kind, string? source)
    {
        var key = (kind, source ?? "local");
        if (_counts.Count >= MaxSources && !_counts.ContainsKey(key))
        {
            key = (kind, "other");
        }

        _counts.AddOrUpdate(key, 1, static (_, n) => n + 1);
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _timer = _time.CreateTimer(_ => Flush(), null, _interval, _interval);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _timer?.Dispose();
        Flush();
        return Task.CompletedTask;
    }

    public void Dispose() => _timer?.Dispose();

    /// <summary>Writes and resets the counts gathered since the last flush.</summary>
    public void Flush()
    {
        var taken = new List<((string Kind, string Source) Key, long Count)>();
        foreach (var key in _counts.Keys)
        {
            if (_counts.TryRemove(key, out var count))
            {
                taken.Add((key, count));
            }
        }

        foreach (var kind in taken.GroupBy(t => t.Key.Kind, StringComparer.Ordinal))
        {
            var top = kind.MaxBy(t => t.Count);
            Log.RequestsRefused(_logger, kind.Sum(t => t.Count), kind.Key, _interval.TotalSeconds, kind.Count(), top.Key.Source, top.Count);
        }
    }
}
