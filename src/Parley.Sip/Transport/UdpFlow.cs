using System.Net;
using System.Net.Sockets;

namespace Parley.Sip.Transport;

/// <summary>A UDP peer: the shared socket plus the remote address (kept serialized, so sending allocates nothing).</summary>
public sealed class UdpFlow : ISipFlow
{
    private readonly UdpSipTransport _transport;
    private SocketAddress? _address;

    internal UdpFlow(UdpSipTransport transport, IPEndPoint remote, SocketAddress? address)
    {
        _transport = transport;
        RemoteEndPoint = remote;
        _address = address;
    }

    public string Transport => "UDP";

    public bool IsReliable => false;

    public IPEndPoint RemoteEndPoint { get; }

    public IPEndPoint LocalEndPoint => _transport.LocalEndPoint;

    internal SocketAddress Address => _address ??= _transport.AddressOf(RemoteEndPoint);

    /// <summary>The same socket towards another port (responses without rport go to the Via port).</summary>
    public UdpFlow WithRemote(IPEndPoint remote) => new(_transport, remote, null);

    public ValueTask SendAsync(ReadOnlyMemory<byte> message)
    {
        _transport.SendTo(message.Span, Address, RemoteEndPoint);
        return ValueTask.CompletedTask;
    }
}
