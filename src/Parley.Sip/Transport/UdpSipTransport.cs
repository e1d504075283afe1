using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Parley.Sip.Logging;
using Parley.Sip.Parsing;

namespace Parley.Sip.Transport;

/// <summary>
/// UDP: one socket served by several dedicated threads taking turns in a blocking recvfrom, so a slow message or a
/// descheduled thread does not hold up the others, while the messages of one call keep their order (see
/// <c>ReceiveLoop</c>); every datagram is one message. Sends are synchronous sendto calls on the caller's thread.
/// Bound to a wildcard address (on Linux), each flow also knows the local address its datagrams were sent to
/// (<c>IP_PKTINFO</c>), which Contact, Via and the SDP answer's media address use.
/// </summary>
public sealed partial class UdpSipTransport : ISipTransport
{
    private readonly Socket _socket;
    private readonly SipParser _parser;
    private readonly ILogger _logger;
    private readonly int _receiveThreads;
    private readonly List<Thread> _threads = [];
    private readonly Lock _receiveTurn = new();
    private readonly bool _packetInfo;
    private readonly UInt128 _boundKey;
    private readonly int _fd;
    private volatile bool _stopping;

    public UdpSipTransport(IPEndPoint bind, SipParser parser, ILogger logger, int receiveThreads = 2)
    {
        ArgumentNullException.ThrowIfNull(bind);
        ArgumentOutOfRangeException.ThrowIfLessThan(receiveThreads, 1);
        _parser = parser;
        _logger = logger;
        _receiveThreads = receiveThreads;
        _socket = new Socket(bind.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        if (bind.AddressFamily == AddressFamily.InterNetworkV6)
        {
            _socket.DualMode = true;
        }

        _socket.ReceiveBufferSize = 4 * 1024 * 1024;
        _socket.SendBufferSize = 1024 * 1024;
        _packetInfo = EnablePacketInfo(_socket, bind.Address);
        _socket.Bind(bind);
        LocalEndPoint = (IPEndPoint)_socket.LocalEndPoint!;
        _boundKey = KeyOf(LocalEndPoint.Address);
        _fd = _packetInfo ? (int)_socket.SafeHandle.DangerousGetHandle() : -1;
    }

    public string Name => "UDP";

    public bool IsReliable => false;

    public IPEndPoint LocalEndPoint { get; }

    public void Start(ISipMessageSink sink)
    {
        SipLog.Listening(_logger, Name, LocalEndPoint);
        for (var i = 0; i < _receiveThreads; i++)
        {
            var thread = new Thread(() => ReceiveLoop(sink)) { IsBackground = true, Name = "SIP UDP receive " + i };
            _threads.Add(thread);
            thread.Start();
        }
    }

    public ValueTask<ISipFlow> GetFlowAsync(IPEndPoint remote, string? serverName, CancellationToken cancellationToken) =>
        ValueTask.FromResult<ISipFlow>(new UdpFlow(this, remote, null, LocalEndPoint, _boundKey));

    public ValueTask DisposeAsync()
    {
        _stopping = true;
        WakeReceivers();
        foreach (var thread in _threads)
        {
            thread.Join(TimeSpan.FromSeconds(2));
        }

        _socket.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>The address as this socket sends to it (IPv4 peers mapped to IPv6 on a dual-mode socket).</summary>
    internal SocketAddress AddressOf(IPEndPoint remote) =>
        _socket.AddressFamily == AddressFamily.InterNetworkV6 && remote.AddressFamily == AddressFamily.InterNetwork
            ? new IPEndPoint(remote.Address.MapToIPv6(), remote.Port).Serialize()
            : remote.Serialize();

    internal void SendTo(ReadOnlySpan<byte> message, SocketAddress address, IPEndPoint remote)
    {
        try
        {
            _socket.SendTo(message, SocketFlags.None, address);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            SipLog.SendFailed(_logger, remote, Name, ex);
        }
    }

    /// <summary>One empty datagram per receive thread to our own port: each wakes, sees the stop flag and returns.</summary>
    private void WakeReceivers()
    {
        var self = LocalEndPoint.Address.Equals(IPAddress.Any) ? IPAddress.Loopback
            : LocalEndPoint.Address.Equals(IPAddress.IPv6Any) ? IPAddress.IPv6Loopback
            : LocalEndPoint.Address;
        var address = AddressOf(new IPEndPoint(self, LocalEndPoint.Port));
        for (var i = 0; i < _threads.Count; i++)
        {
            SendTo([], address, LocalEndPoint);
        }
    }
}
