using System.Net;

namespace Parley.Sip.Transport;

/// <summary>
/// Where a message came from and how to answer it: a UDP socket + remote address, or a stream connection
/// (TCP, TLS, later WebSocket). Transactions and dialogs send through flows and never touch sockets.
/// </summary>
public interface ISipFlow
{
    /// <summary>Transport name as used in Via (UDP, TCP, TLS, WS, WSS).</summary>
    string Transport { get; }

    /// <summary>True for stream transports: no retransmissions, timers D/I/J/K are zero.</summary>
    bool IsReliable { get; }

    IPEndPoint RemoteEndPoint { get; }

    IPEndPoint LocalEndPoint { get; }

    /// <summary>Sends one serialized message; transport errors are swallowed and logged by the transport.</summary>
    ValueTask SendAsync(ReadOnlyMemory<byte> message);
}
