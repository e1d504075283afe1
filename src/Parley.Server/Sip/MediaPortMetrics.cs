using Parley.Media;
using Parley.Voice.Calls;
using Prometheus;

namespace Parley.Server.Sip;

/// <summary>
/// Publishes the RTP port range on <c>/metrics</c>: <c>parley_media_port_pairs_in_use</c> and
/// <c>parley_media_port_pairs_capacity</c> (gauges), <c>parley_media_sessions_refused_total</c> (sessions not opened
/// because the range was exhausted) and <c>parley_calls_refused_media_ports_total</c> (calls to numbers answered 503
/// with Retry-After for that reason).
/// </summary>
internal static class MediaPortMetrics
{
    private static readonly Gauge InUse = Metrics.CreateGauge(
        "parley_media_port_pairs_in_use", "RTP/RTCP port pairs held by media sessions now.");

    private static readonly Gauge Capacity = Metrics.CreateGauge(
        "parley_media_port_pairs_capacity", "RTP/RTCP port pairs in the configured range (Parley:Media:RtpPortMin/Max).");

    private static readonly Counter SessionsRefused = Metrics.CreateCounter(
        "parley_media_sessions_refused_total", "Media sessions not opened because no RTP port pair was free.");

    private static readonly Counter CallsRefused = Metrics.CreateCounter(
        "parley_calls_refused_media_ports_total", "Calls to numbers answered 503 with Retry-After because no RTP port pair was free.");

    public static void Publish(MediaEngine engine, InboundCalls? calls)
    {
        ArgumentNullException.ThrowIfNull(engine);
        Metrics.DefaultRegistry.AddBeforeCollectCallback(() =>
        {
            InUse.Set(engine.Ports.InUse);
            Capacity.Set(engine.Ports.Capacity);
            SessionsRefused.IncTo(engine.SessionsRefused);
            if (calls is not null)
            {
                CallsRefused.IncTo(calls.RefusedForMediaPorts);
            }
        });
    }
}
