namespace Parley.Bench.Cluster;

/// <summary>Wall-clock milliseconds since the Unix epoch, so the driver's records line up with the script's kill time.</summary>
internal static class Clock
{
    public static long UnixMs() => TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds();
}
