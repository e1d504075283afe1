using System.Buffers;
using System.Net;
using System.Net.WebSockets;
using Parley.Channels.WebChat;
using Parley.Server.Logging;

namespace Parley.Server.WebChat;

/// <summary>
/// One visitor socket: a <see cref="ChatVisitor"/> carried by WebSocket text messages. A malformed or oversized frame
/// closes the socket with the reason.
/// </summary>
/// <remarks>
/// The session owns the accepted socket and the node's admission of it (<see cref="ChatSocketHost.TryAdmit"/>): when
/// <see cref="RunAsync"/> ends, the socket is disposed and the admission released.
/// </remarks>
internal sealed class ChatSocketSession(
    ChatSocketHost host, WebSocket socket, ChatSession session, ChatRoom room, IPAddress? address, long after, bool full) : IChatGoAway
{
    /// <summary>How long a visitor has to answer the node's close frame when the node stops.</summary>
    private static readonly TimeSpan GoAwayTimeout = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly ChatVisitor _visitor = new(host, session, room, address);
    private CancellationTokenSource? _stop;
    private int _goingAway;

    /// <summary>
    /// Serves the socket until it closes, then disposes it and releases its admission. Not linked to the request's token: a
    /// connection that goes away ends the pending read, which ends the session as the token would have (and a linked source
    /// costs a registration per idle socket). Everything is written out in this one method: an idle socket waits in one frame.
    /// </summary>
    public async Task RunAsync()
    {
        var stop = new CancellationTokenSource();
        _stop = stop;
        try
        {
            try
            {
                // The node's stop reaches the socket through its visitor's room (ChatSocketHost.CloseAll), as GoAway.
                await _visitor.OpenAsync(after, full, SendAsync, stop, this);
                var ct = stop.Token;

                // An idle visitor holds no buffer: the socket is first read with an empty buffer (which waits for the next
                // frame without taking any), and only then is a frame buffer rented from the shared pool.
                while (socket.State == WebSocketState.Open)
                {
                    var waited = await socket.ReceiveAsync(Memory<byte>.Empty, ct);
                    if (waited.MessageType == WebSocketMessageType.Close)
                    {
                        await CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", ct);
                        break;
                    }

                    if (!await ReceiveFrameAsync(ct))
                    {
                        break;
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // The server stops, or the visitor could not keep up: the widget reconnects and resumes.
            }
            catch (WebSocketException)
            {
                // The network went away.
            }
            finally
            {
                await stop.CancelAsync();
                await _visitor.CloseAsync();
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Log.ChatSessionFailed(host.Logger, exception, session.ConversationId);
        }
        finally
        {
            stop.Dispose();
            ChatSocketMetrics.Closed();
            socket.Dispose();
            host.Release(session.TenantId, address);
        }
    }

    /// <summary>The node stops: see <see cref="GoAwayAsync"/>; once per socket.</summary>
    public void GoAway()
    {
        if (Interlocked.Exchange(ref _goingAway, 1) == 0 && _stop is { } stop)
        {
            _ = GoAwayAsync(stop);
        }
    }

    /// <summary>
    /// The node stops: a close frame (1001) to the visitor, whose answer ends the receive loop; a visitor that does not
    /// answer within <see cref="GoAwayTimeout"/> is cut off.
    /// </summary>
    private async Task GoAwayAsync(CancellationTokenSource stop)
    {
        try
        {
            using var timeout = new CancellationTokenSource(GoAwayTimeout, host.Time);
            await _sending.WaitAsync(timeout.Token);
            try
            {
                if (socket.State == WebSocketState.Open)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.EndpointUnavailable, "node restarting", timeout.Token);
                }
            }
            finally
            {
                _sending.Release();
            }

            await Task.Delay(GoAwayTimeout, host.Time, stop.Token);
            await stop.CancelAsync();
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // Closed already, or the visitor answered and the session ended.
        }
    }

    /// <summary>Reads and handles one frame into a buffer rented for it; false when the socket was closed.</summary>
    private async Task<bool> ReceiveFrameAsync(CancellationToken ct)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(ChatLimits.MaxFrameBytes);
        try
        {
            return await ReceiveFrameAsync(buffer, ct);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task<bool> ReceiveFrameAsync(byte[] buffer, CancellationToken ct)
    {
        var length = 0;
        ValueWebSocketReceiveResult result;
        do
        {
            if (length == ChatLimits.MaxFrameBytes)
            {
                await CloseAsync(WebSocketCloseStatus.MessageTooBig, $"frame larger than {ChatLimits.MaxFrameBytes} bytes", ct);
                return false;
            }

            result = await socket.ReceiveAsync(buffer.AsMemory(length, ChatLimits.MaxFrameBytes - length), ct);
            length += result.Count;
        }
        while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

        if (result.MessageType == WebSocketMessageType.Close)
        {
            await CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", ct);
            return false;
        }

        if (result.MessageType != WebSocketMessageType.Text)
        {
            await CloseAsync(WebSocketCloseStatus.InvalidMessageType, "text frames only", ct);
            return false;
        }

        var rejection = ClientFrameParser.TryParse(buffer.AsSpan(0, length), out var frame);
        if (rejection != FrameRejection.None)
        {
            Log.ChatFrameRejected(host.Logger, session.ConversationId, rejection.ToString());
            await CloseAsync(WebSocketCloseStatus.PolicyViolation, $"malformed frame: {rejection}", ct);
            return false;
        }

        if (await _visitor.HandleAsync(frame!, SendAsync, ct) is { } close)
        {
            await CloseAsync(close.Status, close.Reason, ct);
            return false;
        }

        return true;
    }

    private async Task SendAsync(byte[] frame, long eventId, CancellationToken ct)
    {
        await _sending.WaitAsync(ct);
        try
        {
            await socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, ct);
        }
        finally
        {
            _sending.Release();
        }
    }

    private async Task CloseAsync(WebSocketCloseStatus status, string reason, CancellationToken ct)
    {
        await _sending.WaitAsync(ct);
        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await socket.CloseAsync(status, reason, ct);
            }
        }
        finally
        {
            _sending.Release();
        }
    }
}
