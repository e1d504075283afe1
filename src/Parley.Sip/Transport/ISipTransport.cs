using System.Net;

namespace Parley.Sip.Transport;

/// <summary>
/// A listening transport (UDP, TCP, TLS; WebSocket plugs in here later). It frames bytes into messages,
/// hands them to its <see cref="ISipMessageSink"/> and opens flows to remote peers.
/// </summary>
public interface ISipTransport : IAsyncDisposable
{
    /// <summary>UDP, TCP, TLS, WS or WSS.</summary>
    string Name { get; }

    bool IsReliable { get; }

    /// <summary>Bound address (after start; port 0 resolved).</summary>
    IPEndPoint LocalEndPoint { get; }

    void Start(ISipMessageSink sink);

    /// <summary>A flow to the remote peer (reusing an open connection when there is one).</summary>
    ValueTask<ISipFlow> GetFlowAsync(IPEndPoint remote, string? serverName, CancellationToken cancellationToken);
}
