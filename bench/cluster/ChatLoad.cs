namespace Parley.Bench.Cluster;

/// <summary>What every simulated widget shares: the nodes, the widget, one HTTP client for starting chats, the counters.</summary>
internal sealed class ChatLoad(IReadOnlyList<Uri> nodes, string widgetKey, string origin) : IDisposable
{
    public IReadOnlyList<Uri> Nodes { get; } = nodes;

    public string WidgetKey { get; } = widgetKey;

    public string Origin { get; } = origin;

    public HttpClient Http { get; } = new(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(2), UseCookies = false }) { Timeout = TimeSpan.FromSeconds(10) };

    public long Started;

    public long StartRetries;

    public long ConnectFailures;

    public long Reconnects;

    public long Closed;

    public long Sent;

    public long Resent;

    public long Acks;

    public long AcksOutOfOrder;

    public long Refused;

    public void Dispose() => Http.Dispose();
}
