namespace Parley.Media.Scheduling;

/// <summary>
/// Fixed-bucket histogram of lateness (10 µs buckets up to 100 ms, then one overflow bucket). Recording is
/// allocation-free and thread-safe (clock lanes record concurrently); readers get a consistent-enough snapshot.
/// </summary>
public sealed class LatencyHistogram
{
    private const int BucketMicros = 10;
    private const int BucketCount = 10_000;
    private readonly long[] _buckets = new long[BucketCount + 1];
    private long _count;
    private long _maxMicros;

    public long Count => Volatile.Read(ref _count);

    public TimeSpan Max => TimeSpan.FromMicroseconds(Volatile.Read(ref _maxMicros));

    public void Record(TimeSpan lateness) => RecordMicros((long)lateness.TotalMicroseconds);

    public void RecordMicros(long micros)
    {
        if (micros < 0)
        {
            micros = 0;
        }

        var bucket = Math.Min(micros / BucketMicros, BucketCount);
        Interlocked.Increment(ref _buckets[bucket]);
        var max = Volatile.Read(ref _maxMicros);
        while (micros > max)
        {
            var seen = Interlocked.CompareExchange(ref _maxMicros, micros, max);
            if (seen == max)
            {
                break;
            }

            max = seen;
        }

        Interlocked.Increment(ref _count);
    }

    /// <summary>The lateness below which <paramref name="percentile"/> % of records fall (upper bucket edge).</summary>
    public TimeSpan Percentile(double percentile)
    {
        var count = Count;
        if (count == 0)
        {
            return TimeSpan.Zero;
        }

        var rank = (long)Math.Ceiling(count * percentile / 100.0);
        long seen = 0;
        for (var i = 0; i < _buckets.Length; i++)
        {
            seen += Volatile.Read(ref _buckets[i]);
            if (seen >= rank)
            {
                return i == BucketCount ? Max : TimeSpan.FromMicroseconds((i + 1) * BucketMicros);
            }
        }

        return Max;
    }

    public void Reset()
    {
        Array.Clear(_buckets);
        Volatile.Write(ref _maxMicros, 0);
        Volatile.Write(ref _count, 0);
    }
}
