using Prometheus;

namespace Parley.Server.WebChat;

/// <summary>
/// Publishes the web chat's visitor sockets on <c>/metrics</c>: <c>parley_webchat_sockets_open</c> (gauge) and
/// <c>parley_webchat_socket_refusals_total{status}</c>. The socket is served ahead of routing (<see cref="ChatSocketMiddleware"/>),
/// so the HTTP request metrics do not see it; these do.
/// </summary>
internal static class ChatSocketMetrics
{
    private static readonly Gauge Open = Metrics.CreateGauge(
        "parley_webchat_sockets_open", "Web chat visitor sockets open on this node now (upgraded, not yet closed).");

    private static readonly Counter Refusals = Metrics.CreateCounter(
        "parley_webchat_socket_refusals_total", "Web chat socket requests answered without an upgrade, by HTTP status (problem details).", "status");

    public static void Opened() => Open.Inc();

    public static void Closed() => Open.Dec();

    public static void Refused(int status) => Refusals.WithLabels(status.ToString(System.Globalization.CultureInfo.InvariantCulture)).Inc();
}
