using System.Globalization;

namespace Parley.Bench.Chat;

/// <summary>Latencies in 0.1 ms buckets up to 60 s (beyond counts in the last); thread-safe, no allocation per sample.</summary>
internal sealed class Histogram
{
    private const double BucketMs = 0.1;
    private readonly int[] _buckets = new int[600_001];
    private long _count;
    private double _maxMs;
    private readonly Lock _maxLock = new();

    public long Count => Interlocked.Read(ref _count);

    public void Add(double milliseconds)
    {
        var bucket = (int)Math.Clamp(milliseconds / BucketMs, 0, _buckets.Length - 1);
        Interlocked.Increment(ref _buckets[bucket]);
        Interlocked.Increment(ref _count);
        if (milliseconds > _maxMs)
        {
            lock (_maxLock)
            {
                _maxMs = Math.Max(_maxMs, milliseconds);
            }
        }
    }

    public double Percentile(double q)
    {
        var total = Count;
        if (total == 0)
        {
            return double.NaN;
        }

        var rank = (long)Math.Ceiling(q * total);
        long seen = 0;
        for (var i = 0; i < _buckets.Length; i++)
        {
            seen += _buckets[i];
            if (seen >= rank)
            {
                return (i + 1) * BucketMs;
            }
        }

        return _maxMs;
    }

    /// <summary>"n 1234, p50 1.2 ms, p95 …, p99 …, max …" (bucket upper bounds).</summary>
    public string Summary() => Count == 0
        ? "n 0"
        : string.Create(CultureInfo.InvariantCulture,
            $"n {Count}, p50 {Percentile(0.50):0.0} ms, p95 {Percentile(0.95):0.0} ms, p99 {Percentile(0.99):0.0} ms, max {_maxMs:0.0} ms");
}
