using System.Diagnostics;

namespace Parley.Bench.Routing;

/// <summary>Command latencies in 10 ns buckets up to 1 ms, without allocating while recording.</summary>
internal sealed class LatencyHistogram
{
    private const double BucketNanoseconds = 10;
    private readonly long[] _buckets = new long[100_001];
    private readonly double _nanosecondsPerTick = 1e9 / Stopwatch.Frequency;

    public long Count { get; private set; }

    public double MaxMicroseconds { get; private set; }

    public void Record(long elapsedTicks)
    {
        var ns = elapsedTicks * _nanosecondsPerTick;
        _buckets[Math.Min((int)(ns / BucketNanoseconds), _buckets.Length - 1)]++;
        MaxMicroseconds = Math.Max(MaxMicroseconds, ns / 1000);
        Count++;
    }

    public double PercentileMicroseconds(double percentile)
    {
        var target = (long)Math.Ceiling(Count * percentile / 100);
        long seen = 0;
        for (var i = 0; i < _buckets.Length; i++)
        {
            seen += _buckets[i];
            if (seen >= target)
            {
                return (i + 1) * BucketNanoseconds / 1000;
            }
        }

        return MaxMicroseconds;
    }
}
