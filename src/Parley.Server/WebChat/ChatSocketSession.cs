using System.Buffers;
using System.Net;
using System.Net.WebSockets;
using System.Threading.Channels;
using Parley.Channels.WebChat;
using Parley.Data.Entities.Chat;
using Parley.Server.Logging;

namespace Parley.Server.WebChat;

/// <summary>
/// One visitor socket. On connect: <c>hello</c> (the last visitor message stored, the last agent message), then the
/// messages the visitor has not seen, then where the chat stands (queued, joined or ended). Then frames both ways:
/// a visitor message is acknowledged only once stored; a sequence number seen before is acknowledged again and not
/// stored twice. Agent messages and events arrive through the room; a visitor too slow to take them is disconnected
/// (and resumes from its last acknowledged message). A malformed or oversized frame closes the socket with the reason.
/// </summary>
internal sealed class ChatSocketSession(ChatSocketHost host, WebSocket socket, ChatSession session, ChatRoom room, IPAddress? address)
{
    private const int OutboxCapacity = 512;
    private readonly SemaphoreSlim _sending = new(1, 1);
    private long _lastAgentSeqSent;

    public async Task RunAsync(long after, bool full, CancellationToken ct)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var outbox = Channel.CreateBounded<ChatEvent>(new BoundedChannelOptions(OutboxCapacity) { SingleReader = true });
        using var subscription = host.Rooms.Subscribe(room, isCustomer: true, e =>
        {
            if (!outbox.Writer.TryWrite(e))
            {
                stop.Cancel();
            }
        });

        _lastAgentSeqSent = Math.Max(0, after);
        await SendAsync(ServerFrames.Hello(room.LastCustomerSeq, room.LastAgentSeq, room.Status.ToString().ToLowerInvariant()), stop.Token);
        foreach (var message in await host.HistoryAsync(session, full ? 0 : after, full, stop.Token))
        {
            await SendMessageAsync(message, stop.Token, history: true);
        }

        await SendStatusAsync(stop.Token);
        var sender = PumpAsync(outbox.Reader, stop.Token);
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

    private async Task SendStatusAsync(CancellationToken ct)
    {
        switch (room.Status)
        {
            case ChatRoomStatus.Waiting:
                await ChatPositionHeartbeat.AnnounceAsync(host.Grains, room);
                break;
            case ChatRoomStatus.Active when room.AgentName is { } name:
                await SendAsync(ServerFrames.Joined(name), ct);
                break;
            case ChatRoomStatus.Ended:
                await SendAsync(ServerFrames.Ended("system"), ct);
                break;
        }
    }

    private async Task PumpAsync(ChannelReader<ChatEvent> outbox, CancellationToken ct)
    {
        await foreach (var chatEvent in outbox.ReadAllAsync(ct))
        {
            switch (chatEvent)
            {
                case ChatMessageEvent { Message: var message }:
                    await SendMessageAsync(message, ct, history: false);
                    break;
                case ChatTypingEvent { FromCustomer: false, On: var on }:
                    await SendAsync(ServerFrames.Typing(on), ct);
                    break;
                case ChatJoinedEvent joined:
                    await SendAsync(ServerFrames.Joined(joined.AgentName), ct);
                    break;
                case ChatTransferredEvent:
                    await SendAsync(ServerFrames.Transferred(), ct);
                    break;
                case ChatQueuedEvent queued:
                    await SendAsync(ServerFrames.Queued(queued.Position, queued.EstimatedWait?.TotalSeconds), ct);
                    break;
                case ChatEndedEvent ended:
                    await SendAsync(ServerFrames.Ended(ended.By), ct);
                    break;
            }
        }
    }

    private async Task SendMessageAsync(ChatMessageRow message, CancellationToken ct, bool history)
    {
        var fromAgent = message.Direction == ChatMessageRow.FromAgent;
        if (fromAgent)
        {
            if (message.Seq <= _lastAgentSeqSent)
            {
                return;
            }

            _lastAgentSeqSent = message.Seq;
        }
        else if (!history)
        {
            return;
        }

        await SendAsync(ServerFrames.Message(message.Seq, message.Direction, fromAgent ? message.SenderName : null, message.Text, message.At), ct);
    }

    /// <summary>
    /// Reads frames until the socket closes. An idle visitor holds no buffer: the socket is first read with an empty buffer
    /// (which waits for the next frame without taking any), and only then is a frame buffer rented from the shared pool.
    /// </summary>
    private async Task ReceiveAsync(CancellationToken ct)
    {
        while (socket.State == WebSocketState.Open)
        {
            var waited = await socket.ReceiveAsync(Memory<byte>.Empty, ct);
            if (waited.MessageType == WebSocketMessageType.Close)
            {
                await CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", ct);
                return;
            }

            var buffer = ArrayPool<byte>.Shared.Rent(ChatLimits.MaxFrameBytes);
            try
            {
                if (!await ReceiveFrameAsync(buffer, ct))
                {
                    return;
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    /// <summary>Reads and handles one frame; false when the socket was closed.</summary>
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

        return await HandleAsync(frame!, ct);
    }

    /// <summary>Acts on one frame; false when the socket was closed.</summary>
    private async Task<bool> HandleAsync(ClientFrame frame, CancellationToken ct)
    {
        switch (frame.Type)
        {
            case ClientFrameType.Message:
                return await OnMessageAsync(frame, ct);
            case ClientFrameType.Typing when room.Status != ChatRoomStatus.Ended:
                if (room.ShowCustomerTyping(frame.On, host.Options, host.Time))
                {
                    room.Publish(new ChatTypingEvent(FromCustomer: true, frame.On));
                }

                return true;
            case ClientFrameType.End:
                if (room.Status != ChatRoomStatus.Ended)
                {
                    await host.EndByCustomerAsync(room, ct);
                }

                return true;
            case ClientFrameType.Rate:
                if (room.Status != ChatRoomStatus.Ended)
                {
                    await SendAsync(ServerFrames.Refused("not-ended", 0, 0), ct);
                }
                else
                {
                    if (Interlocked.Exchange(ref room.RatingTaken, 1) == 0)
                    {
                        await host.RateAsync(room, frame.Score, frame.Text, ct);
                    }

                    await SendAsync(ServerFrames.Rated(), ct);
                }

                return true;
            case ClientFrameType.Ping:
                await SendAsync(ServerFrames.Pong(), ct);
                return true;
            default:
                return true;
        }
    }

    private async Task<bool> OnMessageAsync(ClientFrame frame, CancellationToken ct)
    {
        if (frame.Seq <= room.LastCustomerSeq)
        {
            await SendAsync(ServerFrames.Ack(frame.Seq), ct);
            return true;
        }

        if (!room.CustomerMessages(host.Options, host.Time).TryTake(out var retry) || !host.IpLimits.TryTake(address, out retry))
        {
            await SendAsync(ServerFrames.Refused("rate", frame.Seq, (int)Math.Ceiling(retry.TotalMilliseconds)), ct);
            return true;
        }

        var (outcome, _) = await room.AppendAsync(host.Store, fromCustomer: true, frame.Seq, frame.Text!, null, null, host.Time.GetUtcNow(), ct);
        switch (outcome)
        {
            case ChatAppendOutcome.Stored or ChatAppendOutcome.Duplicate:
                await SendAsync(ServerFrames.Ack(frame.Seq), ct);
                return true;
            case ChatAppendOutcome.Ended:
                await SendAsync(ServerFrames.Refused("ended", frame.Seq, 0), ct);
                return true;
            default:
                await CloseAsync(WebSocketCloseStatus.PolicyViolation, $"sequence gap: expected {room.LastCustomerSeq + 1}", ct);
                return false;
        }
    }

    private async Task SendAsync(byte[] frame, CancellationToken ct)
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
