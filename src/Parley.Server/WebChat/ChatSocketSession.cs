using System.Net;
using System.Net.WebSockets;
using Parley.Channels.WebChat;
using Parley.Server.Logging;

namespace Parley.Server.WebChat;

/// <summary>
/// One visitor socket: a <see cref="ChatVisitor"/> carried by WebSocket text messages. A malformed or oversized frame
/// closes the socket with the reason.
/// </summary>
internal sealed class ChatSocketSession(ChatSocketHost host, WebSocket socket, ChatSession session, ChatRoom room, IPAddress? address)
{
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly ChatVisitor _visitor = new(host, session, room, address);

    public async Task RunAsync(long after, bool full, CancellationToken ct)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var sender = _visitor.StreamAsync(after, full, SendAsync, stop);
        try
        {
            await ReceiveAsync(stop.Token);
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
            try
            {
                await sender;
            }
            catch (Exception exception) when (exception is OperationCanceledException or WebSocketException)
            {
                // Ending anyway.
            }
        }
    }

    private async Task ReceiveAsync(CancellationToken ct)
    {
        var buffer = new byte[ChatLimits.MaxFrameBytes];
        while (socket.State == WebSocketState.Open)
        {
            var length = 0;
            ValueWebSocketReceiveResult result;
            do
            {
                if (length == buffer.Length)
                {
                    await CloseAsync(WebSocketCloseStatus.MessageTooBig, $"frame larger than {ChatLimits.MaxFrameBytes} bytes", ct);
                    return;
                }

                result = await socket.ReceiveAsync(buffer.AsMemory(length), ct);
                length += result.Count;
            }
            while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

            if (result.MessageType == WebSocketMessageType.Close)
            {
                await CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", ct);
                return;
            }

            if (result.MessageType != WebSocketMessageType.Text)
            {
                await CloseAsync(WebSocketCloseStatus.InvalidMessageType, "text frames only", ct);
                return;
            }

            var rejection = ClientFrameParser.TryParse(buffer.AsSpan(0, length), out var frame);
            if (rejection != FrameRejection.None)
            {
                Log.ChatFrameRejected(host.Logger, session.ConversationId, rejection.ToString());
                await CloseAsync(WebSocketCloseStatus.PolicyViolation, $"malformed frame: {rejection}", ct);
                return;
            }

            if (await _visitor.HandleAsync(frame!, SendAsync, ct) is { } close)
            {
                await CloseAsync(close.Status, close.Reason, ct);
                return;
            }
        }
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
