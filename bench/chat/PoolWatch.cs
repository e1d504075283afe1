using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Parley.Bench.Chat;

/// <summary>
/// Listens to Kestrel's memory pool meter (<c>Microsoft.AspNetCore.MemoryPool</c>) from the server's start, so that the
/// idle figures can say how much of the managed heap is 4 KB blocks waiting in the pool and how much is lent to
/// connections: pooled = the current-memory counter; lent = allocated − evicted − pooled.
/// </summary>
internal sealed class PoolWatch : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _totals = new(StringComparer.Ordinal);

    public PoolWatch()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "Microsoft.AspNetCore.MemoryPool")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => _totals.AddOrUpdate(instrument.Name, value, (_, old) => old + value));
        _listener.Start();
    }

    /// <summary>Bytes waiting in the pool and bytes lent out, summed over every pool.</summary>
    public (long Pooled, long Lent) Read()
    {
        long Sum(string part) => _totals.Where(t => t.Key.Contains(part, StringComparison.Ordinal)).Sum(t => t.Value);
        var pooled = Sum("current") + Sum("pooled");
        return (pooled, Sum("allocated") - Sum("evicted") - pooled);
    }

    public void Dispose() => _listener.Dispose();
}
