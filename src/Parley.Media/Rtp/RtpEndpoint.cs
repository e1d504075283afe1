using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Parley.Media.Rtp;

/// <summary>
/// The thin socket host of one RTP stream: an RTP socket on an even port from the <see cref="RtpPortAllocator"/>
/// and an RTCP socket on the port above. Receives with one reusable buffer and <see cref="SocketAddress"/> per
/// socket (no allocation per packet) and hands each datagram to a handler; sends synchronously from the caller's
/// thread (the media clock). Dispose closes the sockets and returns the port.
/// </summary>
public sealed class RtpEndpoint : IAsyncDisposable
{
    public const int MaxDatagram = 1500;
    private const int MaxBindAttempts = 16;
    private readonly Socket _rtp;
    private readonly Socket _rtcp;
    private readonly RtpPortAllocator _ports;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly EpollReceiveHost? _host;
    private Task _receiving = Task.CompletedTask;
    private long _rtpToken = -1;
    private long _rtcpToken = -1;
    private int _disposed;

    private RtpEndpoint(Socket rtp, Socket rtcp, RtpPortAllocator ports, int port, ILogger logger, EpollReceiveHost? host)
    {
        _host = host;
        _rtp = rtp;
        _rtcp = rtcp;
        _ports = ports;
        LocalPort = port;
        _logger = logger;
    }

    public int LocalPort { get; }

    public int LocalRtcpPort => LocalPort + 1;

    public AddressFamily AddressFamily => _rtp.AddressFamily;

    public long SendErrors { get; private set; }

    /// <summary>
    /// Binds RTP and RTCP sockets on the next free pair; skips ports another process holds. With a
    /// <paramref name="host"/>, datagrams are received by its shared epoll thread instead of async loops.
    /// Throws <see cref="InvalidOperationException"/> when no pair is free (<see cref="TryOpen"/> answers null instead).
    /// </summary>
    public static RtpEndpoint Open(IPAddress bindAddress, RtpPortAllocator ports, ILogger? logger = null, EpollReceiveHost? host = null) =>
        TryOpen(bindAddress, ports, logger, host)
        ?? throw new InvalidOperationException($"No free RTP port pair in {ports.MinPort}..{ports.MaxPort}.");

    /// <summary>As <see cref="Open"/>, but null when the range is exhausted (admission: the call is refused, not failed).</summary>
    public static RtpEndpoint? TryOpen(IPAddress bindAddress, RtpPortAllocator ports, ILogger? logger = null, EpollReceiveHost? host = null)
    {
        ArgumentNullException.ThrowIfNull(bindAddress);
        ArgumentNullException.ThrowIfNull(ports);
        logger ??= NullLogger.Instance;
        for (var attempt = 0; attempt < MaxBindAttempts; attempt++)
        {
            if (!ports.TryAllocate(out var port))
            {
                break;
            }

            Socket? rtp = null;
            Socket? rtcp = null;
            try
            {
                rtp = Bind(bindAddress, port);
                rtcp = Bind(bindAddress, port + 1);
                var endpoint = new RtpEndpoint(rtp, rtcp, ports, port, logger, host);
                logger.EndpointOpened(rtp.LocalEndPoint);
                return endpoint;
            }
            catch (SocketException ex) when (ex.SocketErrorCode == SocketError.AddressAlreadyInUse)
            {
                rtp?.Dispose();
                rtcp?.Dispose();
                ports.Release(port);
                logger.PortBusy(port);
            }
        }

        return null;
    }

    /// <summary>Starts the receive loops; call once.</summary>
    public void StartReceiving(DatagramHandler onRtp, DatagramHandler onRtcp)
    {
        ArgumentNullException.ThrowIfNull(onRtp);
        ArgumentNullException.ThrowIfNull(onRtcp);
        if (_host is not null)
        {
            _rtpToken = _host.Add(_rtp, onRtp);
            _rtcpToken = _host.Add(_rtcp, onRtcp);
            return;
        }

        _receiving = Task.WhenAll(ReceiveLoop(_rtp, onRtp), ReceiveLoop(_rtcp, onRtcp));
    }

    /// <summary>Sends an RTP datagram; errors (ICMP unreachable echoes, full buffers) are counted, not thrown.</summary>
    public void SendRtp(ReadOnlySpan<byte> datagram, SocketAddress destination) => Send(_rtp, datagram, destination);

    public void SendRtcp(ReadOnlySpan<byte> datagram, SocketAddress destination) => Send(_rtcp, datagram, destination);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        if (_host is not null)
        {
            // Remove before closing, so the host never reads a closed (or reused) descriptor.
            _host.Remove(_rtpToken);
            _host.Remove(_rtcpToken);
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        _rtp.Dispose();
        _rtcp.Dispose();
        try
        {
            await _receiving.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        _ports.Release(LocalPort);
        _stop.Dispose();
    }

    private static Socket Bind(IPAddress address, int port)
    {
        var socket = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            if (address.AddressFamily == AddressFamily.InterNetworkV6 && address.Equals(IPAddress.IPv6Any))
            {
                socket.DualMode = true;
            }

            socket.Bind(new IPEndPoint(address, port));
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private void Send(Socket socket, ReadOnlySpan<byte> datagram, SocketAddress destination)
    {
        try
        {
            socket.SendTo(datagram, SocketFlags.None, destination);
        }
        catch (SocketException ex)
        {
            SendErrors++;
            _logger.SendFailed(destination.ToString(), ex.SocketErrorCode);
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private async Task ReceiveLoop(Socket socket, DatagramHandler handler)
    {
        var buffer = GC.AllocateUninitializedArray<byte>(MaxDatagram, pinned: true);
        var source = new SocketAddress(socket.AddressFamily);
        var token = _stop.Token;
        while (!token.IsCancellationRequested)
        {
            int received;
            try
            {
                received = await socket.ReceiveFromAsync(buffer, SocketFlags.None, source, token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (SocketException ex) when (ex.SocketErrorCode is SocketError.ConnectionReset or SocketError.MessageSize)
            {
                // ICMP port unreachable from an earlier send, or an oversized datagram: keep listening.
                continue;
            }
            catch (SocketException ex)
            {
                _logger.ReceiveFailed(LocalPort, ex);
                return;
            }

            try
            {
                handler(buffer.AsSpan(0, received), source);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                _logger.HandlerFailed(ex);
            }
        }
    }
}
