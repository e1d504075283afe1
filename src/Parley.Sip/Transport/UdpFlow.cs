using System.Net;

namespace Parley.Sip.Transport;

/// <summary>A UDP peer: the shared socket plus the remote address.</summary>
public sealed class UdpFlow : ISipFlow
{
    private readonly UdpSipTransport _transport;

    internal UdpFlow(UdpSipTransport transport, IPEndPoint remote)
    {
        _transport = transport;
        RemoteEndPoint = remote;
    }

    public string Transport => "UDP";

    public bool IsReliable => false;

    public IPEndPoint RemoteEndPoint { get; }

    public IPEndPoint LocalEndPoint => _transport.LocalEndPoint;

    /// <summary>The same socket towards another port (responses without rport go to the Via port).</summary>
    public UdpFlow WithRemote(IPEndPoint remote) => new(_transport, remote);

    public ValueTask SendAsync(ReadOnlyMemory<byte> message) => _transport.SendToAsync(message, RemoteEndPoint);
}
