using System.Net;
using System.Net.WebSockets;
using System.Threading.Channels;
using Parley.Channels.WebChat;
using Parley.Data.Entities.Chat;

namespace Parley.Server.WebChat;

/// <summary>
/// The visitor's side of one connection, whatever carries it (a WebSocket, or an event stream plus POSTs). Outbound: on
/// connect <c>hello</c> (the last visitor message stored, the last agent message), then the messages the visitor has not
/// seen, then where the chat stands, then live events; a visitor too slow to take them is cut (and resumes from its last
/// acknowledged message). Inbound: a visitor message is acknowledged only once stored; a sequence number seen before is
/// acknowledged again and not stored twice; the per-chat and per-IP rates answer with a polite <c>refused</c>.
/// </summary>
internal sealed class ChatVisitor(ChatSocketHost host, ChatSession session, ChatRoom room, IPAddress? address)
{
    private const int OutboxCapacity = 512;
    private long _lastAgentSeqSent;

    /// <summary>Streams to <paramref name="send"/> until <paramref name="stop"/> is cancelled (by the caller, or here when the visitor falls behind).</summary>
    public async Task StreamAsync(long after, bool full, ChatSend send, CancellationTokenSource stop)
    {
        var ct = stop.Token;
        var outbox = Channel.CreateBounded<ChatEvent>(new BoundedChannelOptions(OutboxCapacity) { SingleReader = true });
        using var subscription = host.Rooms.Subscribe(room, isCustomer: true, e =>
        {
            if (!outbox.Writer.TryWrite(e))
            {
                stop.Cancel();
            }
        });

        _lastAgentSeqSent = Math.Max(0, after);
        await send(ServerFrames.Hello(room.LastCustomerSeq, room.LastAgentSeq, room.Status.ToString().ToLowerInvariant()), 0, ct);
        foreach (var message in await host.HistoryAsync(session, full ? 0 : after, full, ct))
        {
            await SendMessageAsync(message, send, ct, history: true);
        }

        await SendStatusAsync(send, ct);
        await foreach (var chatEvent in outbox.Reader.ReadAllAsync(ct))
        {
            switch (chatEvent)
            {
                case ChatMessageEvent { Message: var message }:
                    await SendMessageAsync(message, send, ct, history: false);
                    break;
                case ChatTypingEvent { FromCustomer: false, On: var on }:
                    await send(ServerFrames.Typing(on), 0, ct);
                    break;
                case ChatJoinedEvent joined:
                    await send(ServerFrames.Joined(joined.AgentName), 0, ct);
                    break;
                case ChatTransferredEvent:
                    await send(ServerFrames.Transferred(), 0, ct);
                    break;
                case ChatQueuedEvent queued:
                    await send(ServerFrames.Queued(queued.Position, queued.EstimatedWait?.TotalSeconds), 0, ct);
                    break;
                case ChatEndedEvent ended:
                    await send(ServerFrames.Ended(ended.By), 0, ct);
                    break;
            }
        }
    }

    /// <summary>Acts on one frame, answering through <paramref name="reply"/>; the reason to close, or null to go on.</summary>
    public async Task<ChatCloseReason?> HandleAsync(ClientFrame frame, ChatSend reply, CancellationToken ct)
    {
        switch (frame.Type)
        {
            case ClientFrameType.Message:
                return await OnMessageAsync(frame, reply, ct);
            case ClientFrameType.Typing when room.Status != ChatRoomStatus.Ended:
                if (room.ShowCustomerTyping(frame.On, host.Options, host.Time))
                {
                    room.Share(new ChatTypingEvent(FromCustomer: true, frame.On));
                }

                return null;
            case ClientFrameType.End:
                if (room.Status != ChatRoomStatus.Ended)
                {
                    await host.EndByCustomerAsync(room, ct);
                }

                return null;
            case ClientFrameType.Rate:
                if (room.Status != ChatRoomStatus.Ended)
                {
                    await reply(ServerFrames.Refused("not-ended", 0, 0), 0, ct);
                }
                else
                {
                    if (Interlocked.Exchange(ref room.RatingTaken, 1) == 0)
                    {
                        await host.RateAsync(room, frame.Score, frame.Text, ct);
                    }

                    await reply(ServerFrames.Rated(), 0, ct);
                }

                return null;
            case ClientFrameType.Ping:
                await reply(ServerFrames.Pong(), 0, ct);
                return null;
            default:
                return null;
        }
    }

    private async Task SendStatusAsync(ChatSend send, CancellationToken ct)
    {
        switch (room.Status)
        {
            case ChatRoomStatus.Waiting:
                await ChatPositionHeartbeat.AnnounceAsync(host.Grains, room);
                break;
            case ChatRoomStatus.Active when room.AgentName is { } name:
                await send(ServerFrames.Joined(name), 0, ct);
                break;
            case ChatRoomStatus.Ended:
                await send(ServerFrames.Ended("system"), 0, ct);
                break;
        }
    }

    private async Task SendMessageAsync(ChatMessageRow message, ChatSend send, CancellationToken ct, bool history)
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

        var frame = ServerFrames.Message(
            message.Seq, message.Direction, fromAgent ? message.SenderName : null, message.Text, message.At, ChatAttachments.InfoOf(message));
        await send(frame, fromAgent ? message.Seq : 0, ct);
    }

    private async Task<ChatCloseReason?> OnMessageAsync(ClientFrame frame, ChatSend reply, CancellationToken ct)
    {
        if (frame.Seq <= room.LastCustomerSeq)
        {
            await reply(ServerFrames.Ack(frame.Seq), 0, ct);
            return null;
        }

        if (!room.CustomerMessages(host.Options, host.Time).TryTake(out var retry) || !host.IpLimits.TryTake(address, out retry))
        {
            await reply(ServerFrames.Refused("rate", frame.Seq, (int)Math.Ceiling(retry.TotalMilliseconds)), 0, ct);
            return null;
        }

        ChatAttachmentInfo? attachment = null;
        if (frame.Attachment is { } attachmentId && (attachment = await host.CustomerUploadAsync(session, attachmentId, ct)) is null)
        {
            // Not this visitor's upload (or no such file): not stored; the widget drops the message.
            await reply(ServerFrames.Refused("attachment", frame.Seq, 0), 0, ct);
            return null;
        }

        var (outcome, _) = await room.AppendAsync(host.Store, fromCustomer: true, frame.Seq, frame.Text!, null, null, host.Time.GetUtcNow(), attachment, ct);
        switch (outcome)
        {
            case ChatAppendOutcome.Stored or ChatAppendOutcome.Duplicate:
                await reply(ServerFrames.Ack(frame.Seq), 0, ct);
                return null;
            case ChatAppendOutcome.Ended:
                await reply(ServerFrames.Refused("ended", frame.Seq, 0), 0, ct);
                return null;
            default:
                return new ChatCloseReason(WebSocketCloseStatus.PolicyViolation, $"sequence gap: expected {room.LastCustomerSeq + 1}");
        }
    }
}
