using System.Net;
using System.Net.Sockets;

namespace Parley.Sip.Transport;

/// <summary>
/// A UDP peer: the shared socket plus the remote address (kept serialized, so sending allocates nothing) and the local
/// address the peer's datagrams were sent to (the bound address, or on a wildcard bind the datagram's destination).
/// </summary>
public sealed class UdpFlow : ISipFlow
{
    private readonly UdpSipTransport _transport;
    private SocketAddress? _address;

    internal UdpFlow(UdpSipTransport transport, IPEndPoint remote, SocketAddress? address, IPEndPoint local, UInt128 localKey)
    {
        _transport = transport;
        RemoteEndPoint = remote;
        _address = address;
        LocalEndPoint = local;
        LocalKey = localKey;
    }

    public string Transport => "UDP";

    public bool IsReliable => false;

    public IPEndPoint RemoteEndPoint { get; }

    /// <summary>The address and port the peer sent to: on a wildcard bind, the datagram's destination address.</summary>
    public IPEndPoint LocalEndPoint { get; }

    internal UInt128 LocalKey { get; }

    internal SocketAddress Address => _address ??= _transport.AddressOf(RemoteEndPoint);

    /// <summary>The same socket towards another port (responses without rport go to the Via port).</summary>
    public UdpFlow WithRemote(IPEndPoint remote) => new(_transport, remote, null, LocalEndPoint, LocalKey);

    public ValueTask SendAsync(ReadOnlyMemory<byte> message)
    {
        _transport.SendTo(message.Span, Address, RemoteEndPoint);
        return ValueTask.CompletedTask;
    }
}
