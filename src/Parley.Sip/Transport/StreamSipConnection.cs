using System.Buffers;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Parley.Sip.Logging;
using Parley.Sip.Parsing;

namespace Parley.Sip.Transport;

/// <summary>
/// One TCP/TLS connection: reads into a pooled buffer that grows up to the message limit, frames messages
/// (partial reads down to one byte are fine), answers CRLF keep-alive pings with a CRLF pong (RFC 5626).
/// </summary>
public sealed class StreamSipConnection : ISipFlow
{
    private readonly StreamSipTransport _transport;
    private readonly TcpClient _client;
    private readonly Stream _stream;
    private readonly SipParser _parser;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private volatile bool _closed;

    internal StreamSipConnection(StreamSipTransport transport, TcpClient client, Stream stream, IPEndPoint remote, IPEndPoint local, SipParser parser, ILogger logger)
    {
        _transport = transport;
        _client = client;
        _stream = stream;
        _parser = parser;
        _logger = logger;
        RemoteEndPoint = remote;
        LocalEndPoint = local;
    }

    public string Transport => _transport.Name;

    public bool IsReliable => true;

    public IPEndPoint RemoteEndPoint { get; }

    public IPEndPoint LocalEndPoint { get; }

    public bool IsClosed => _closed;

    public async ValueTask SendAsync(ReadOnlyMemory<byte> message)
    {
        if (_closed)
        {
            return;
        }

        await _writeLock.WaitAsync().ConfigureAwait(false);
        try
        {
            await _stream.WriteAsync(message).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or SocketException)
        {
            SipLog.SendFailed(_logger, RemoteEndPoint, Transport, ex);
            Close();
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public void Close()
    {
        if (_closed)
        {
            return;
        }

        _closed = true;
        _stream.Dispose();
        _client.Dispose();
        _transport.Forget(this);
    }

    internal void Start(ISipMessageSink sink) => _ = Task.Run(() => ReadLoopAsync(sink));

    private async Task ReadLoopAsync(ISipMessageSink sink)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(8192);
        var filled = 0;
        try
        {
            while (!_closed)
            {
                if (filled == buffer.Length)
                {
                    var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, filled).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }

                var n = await _stream.ReadAsync(buffer.AsMemory(filled)).ConfigureAwait(false);
                if (n == 0)
                {
                    break;
                }

                filled += n;
                if (!sink.Admit(this))
                {
                    break;
                }

                var used = Frame(sink, buffer.AsSpan(0, filled), out var fatal);
                if (fatal)
                {
                    break;
                }

                if (used > 0)
                {
                    buffer.AsSpan(used, filled - used).CopyTo(buffer);
                    filled -= used;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or SocketException)
        {
            SipLog.ReceiveError(_logger, Transport, ex);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            Close();
        }
    }

    private int Frame(ISipMessageSink sink, ReadOnlySpan<byte> data, out bool fatal)
    {
        fatal = false;
        var used = 0;
        while (used < data.Length)
        {
            Messages.SipMessage? message;
            int consumed;
            try
            {
                if (!_parser.TryParse(data[used..], isStream: true, out message, out consumed))
                {
                    if (consumed >= 4 && data.Slice(used, consumed).IndexOf("\r\n\r\n"u8) >= 0)
                    {
                        _ = SendAsync("\r\n"u8.ToArray());
                    }

                    return used + consumed;
                }
            }
            catch (SipParseException ex)
            {
                sink.OnRejected(ex, data[used..], this);
                fatal = true;
                return data.Length;
            }

            used += consumed;
            sink.OnMessage(message!, this);
        }

        return used;
    }
}
