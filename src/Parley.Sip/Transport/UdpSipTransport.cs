using System.Buffers;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Parley.Sip.Logging;
using Parley.Sip.Parsing;

namespace Parley.Sip.Transport;

/// <summary>UDP: one socket, one receive loop, one pooled receive buffer; every datagram is one message.</summary>
public sealed class UdpSipTransport : ISipTransport
{
    private readonly Socket _socket;
    private readonly SipParser _parser;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;

    public UdpSipTransport(IPEndPoint bind, SipParser parser, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(bind);
        _parser = parser;
        _logger = logger;
        _socket = new Socket(bind.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        if (bind.AddressFamily == AddressFamily.InterNetworkV6)
        {
            _socket.DualMode = true;
        }

        _socket.ReceiveBufferSize = 4 * 1024 * 1024;
        _socket.Bind(bind);
        LocalEndPoint = (IPEndPoint)_socket.LocalEndPoint!;
    }

    public string Name => "UDP";

    public bool IsReliable => false;

    public IPEndPoint LocalEndPoint { get; }

    public void Start(ISipMessageSink sink)
    {
        SipLog.Listening(_logger, Name, LocalEndPoint);
        _loop = Task.Run(() => ReceiveLoopAsync(sink));
    }

    public ValueTask<ISipFlow> GetFlowAsync(IPEndPoint remote, string? serverName, CancellationToken cancellationToken) =>
        ValueTask.FromResult<ISipFlow>(new UdpFlow(this, remote));

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _socket.Dispose();
        if (_loop is not null)
        {
            await _loop.ConfigureAwait(false);
        }

        _stop.Dispose();
    }

    internal async ValueTask SendToAsync(ReadOnlyMemory<byte> message, IPEndPoint remote)
    {
        try
        {
            await _socket.SendToAsync(message, SocketFlags.None, remote).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            SipLog.SendFailed(_logger, remote, Name, ex);
        }
    }

    private async Task ReceiveLoopAsync(ISipMessageSink sink)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(65_536);
        EndPoint any = new IPEndPoint(_socket.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                SocketReceiveFromResult result;
                try
                {
                    result = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, any, _stop.Token).ConfigureAwait(false);
                }
                catch (SocketException ex) when (ex.SocketErrorCode == SocketError.ConnectionReset)
                {
                    continue;
                }

                var flow = new UdpFlow(this, (IPEndPoint)result.RemoteEndPoint);
                if (!sink.Admit(flow))
                {
                    continue;
                }

                var datagram = buffer.AsSpan(0, result.ReceivedBytes);
                Dispatch(sink, flow, datagram);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            if (!_stop.IsCancellationRequested)
            {
                SipLog.ReceiveError(_logger, Name, ex);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void Dispatch(ISipMessageSink sink, UdpFlow flow, ReadOnlySpan<byte> datagram)
    {
        if (datagram.Trim("\r\n"u8).IsEmpty)
        {
            return;
        }

        Messages.SipMessage message;
        try
        {
            message = _parser.ParseDatagram(datagram);
        }
        catch (SipParseException ex)
        {
            sink.OnRejected(ex, datagram, flow);
            return;
        }

        sink.OnMessage(message, flow);
    }
}
