using Parley.Media;
using Parley.Voice.Calls;
using Prometheus;

namespace Parley.Server.Sip;

/// <summary>
/// Publishes the RTP port range on <c>/metrics</c>: <c>parley_media_port_pairs_in_use</c> and
/// <c>parley_media_port_pairs_capacity</c> (gauges), <c>parley_media_sessions_refused_total</c> (sessions not opened
/// because the range was exhausted) and <c>parley_calls_refused_media_ports_total</c> (calls to numbers answered 503
/// with Retry-After for that reason), and the call-quality counters of closed sessions:
/// <c>parley_media_rtp_packets_{sent,received,lost}_total</c> and <c>parley_media_outgoing_frames_dropped_total</c>.
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

    private static readonly Counter PacketsSent = Metrics.CreateCounter(
        "parley_media_rtp_packets_sent_total", "RTP packets sent by media sessions closed since start.");

    private static readonly Counter PacketsReceived = Metrics.CreateCounter(
        "parley_media_rtp_packets_received_total", "RTP packets received by media sessions closed since start.");

    private static readonly Counter PacketsLost = Metrics.CreateCounter(
        "parley_media_rtp_packets_lost_total", "RTP packets missing by sequence number in media sessions closed since start (RFC 3550 cumulative loss).");

    private static readonly Counter FramesDropped = Metrics.CreateCounter(
        "parley_media_outgoing_frames_dropped_total", "Outgoing audio frames dropped because a session's send buffer was full, in sessions closed since start.");

    public static void Publish(MediaEngine engine, InboundCalls? calls)
    {
        ArgumentNullException.ThrowIfNull(engine);
        Metrics.DefaultRegistry.AddBeforeCollectCallback(() =>
        {
            InUse.Set(engine.Ports.InUse);
            Capacity.Set(engine.Ports.Capacity);
            SessionsRefused.IncTo(engine.SessionsRefused);
            var closed = engine.ClosedSessions;
            PacketsSent.IncTo(closed.PacketsSent);
            PacketsReceived.IncTo(closed.PacketsReceived);
            PacketsLost.IncTo(closed.PacketsLost);
            FramesDropped.IncTo(closed.OutgoingFramesDropped);
            if (calls is not null)
            {
                CallsRefused.IncTo(calls.RefusedForMediaPorts);
            }
        });
    }
}
