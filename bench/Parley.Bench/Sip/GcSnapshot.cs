using System.Globalization;
using System.Runtime;

namespace Parley.Bench.Sip;

/// <summary>Collection counts, total pause time and heap size, to print what the GC cost over a load run.</summary>
internal readonly record struct GcSnapshot(int Gen0, int Gen1, int Gen2, TimeSpan Paused, long HeapBytes, long Allocated)
{
    public static GcSnapshot Take() =>
        new(GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration(), GC.GetGCMemoryInfo().HeapSizeBytes, GC.GetTotalAllocatedBytes());

    public string Since(GcSnapshot start)
    {
        var info = GC.GetGCMemoryInfo(GCKind.Any);
        return string.Create(CultureInfo.InvariantCulture,
            $"GC {(GCSettings.IsServerGC ? "server" : "workstation")}{(GCSettings.LatencyMode == GCLatencyMode.Batch ? " non-concurrent" : " concurrent")}: " +
            $"gen0 {Gen0 - start.Gen0}, gen1 {Gen1 - start.Gen1}, gen2 {Gen2 - start.Gen2}, paused {(Paused - start.Paused).TotalMilliseconds:F0} ms, " +
            $"last pause {info.PauseDurations[0].TotalMilliseconds:F1} ms, allocated {(Allocated - start.Allocated) / 1_048_576} MiB, heap {HeapBytes / 1_048_576} MiB, peak committed {info.TotalCommittedBytes / 1_048_576} MiB");
    }
}
