using Parley.Media.Scheduling;
using Prometheus;

namespace Parley.Server.Sip;

/// <summary>
/// Publishes the media clock's send lateness (how late each RTP packet left against its 20 ms schedule, since start)
/// on <c>/metrics</c>: <c>parley_media_send_jitter_seconds{quantile="0.5|0.99|0.999|1"}</c> and
/// <c>parley_media_send_jitter_samples_total</c>. The load benchmarks read Parley's send jitter from here.
/// </summary>
internal static class MediaClockMetrics
{
    private static readonly Gauge Jitter = Metrics.CreateGauge(
        "parley_media_send_jitter_seconds", "RTP send lateness against the media clock's schedule since start, by quantile (1 = max).", "quantile");

    private static readonly Gauge Samples = Metrics.CreateGauge(
        "parley_media_send_jitter_samples_total", "RTP packets whose send lateness was measured since start.");

    public static void Publish(MediaClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        Metrics.DefaultRegistry.AddBeforeCollectCallback(() =>
        {
            var histogram = clock.SendJitter;
            Jitter.WithLabels("0.5").Set(histogram.Percentile(50).TotalSeconds);
            Jitter.WithLabels("0.99").Set(histogram.Percentile(99).TotalSeconds);
            Jitter.WithLabels("0.999").Set(histogram.Percentile(99.9).TotalSeconds);
            Jitter.WithLabels("1").Set(histogram.Max.TotalSeconds);
            Samples.Set(histogram.Count);
        });
    }
}
