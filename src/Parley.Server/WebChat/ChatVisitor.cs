using System.Net;
using System.Net.WebSockets;
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
/// <remarks>
/// An idle visitor costs no waiting task: live events are queued in a small outbox and sent by a drain that runs only while
/// the outbox has any (thousands of idle sockets per node; see docs/performance.md, "Web chat load").
/// </remarks>
internal sealed class ChatVisitor(ChatSocketHost host, ChatSession session, ChatRoom room, IPAddress? address)
{
    private const int OutboxCapacity = 512;
    private readonly Queue<ChatEvent> _outbox = new();
    private long _lastAgentSeqSent;
    private ChatSend? _send;
    private IChatGoAway? _goAway;
    private CancellationTokenSource? _stop;
    private IDisposable? _subscription;
    private Task _drain = Task.CompletedTask;
    private bool _live;
    private bool _draining;
    private bool _overflowed;
    private bool _closed;

    /// <summary>
    /// Subscribes to the chat and sends <c>hello</c>, the messages the visitor has not seen and where the chat stands; live
    /// events follow through <paramref name="send"/> until <see cref="CloseAsync"/>. A visitor that falls
    /// <see cref="OutboxCapacity"/> events behind is cut by cancelling <paramref name="stop"/>. When the node stops, a
    /// connection that can move (<paramref name="goAway"/>) is asked to, once.
    /// </summary>
    public async Task OpenAsync(long after, bool full, ChatSend send, CancellationTokenSource stop, IChatGoAway? goAway = null)
    {
        var ct = stop.Token;
        _send = send;
        _stop = stop;
        _goAway = goAway;
        _subscription = host.Rooms.Subscribe(room, isCustomer: true, Enqueue);
        if (host.GoingAway.IsCancellationRequested)
        {
            // The node began stopping before this subscription could hear it (ChatSocketHost.CloseAll).
            goAway?.GoAway();
        }

        _lastAgentSeqSent = Math.Max(0, after);
        await send(ServerFrames.Hello(room.LastCustomerSeq, room.LastAgentSeq, room.Status.ToString().ToLowerInvariant()), 0, ct);
        foreach (var message in await host.HistoryAsync(session, full ? 0 : after, full, ct))
        {
            await SendMessageAsync(message, send, ct, history: true);
        }

        await SendStatusAsync(send, ct);
        lock (_outbox)
        {
            _live = true;
            StartDrain();
        }
    }

    /// <summary>Stops live events and waits for the one being sent; call it once the connection ends (<paramref name="stop"/> cancelled).</summary>
    public async Task CloseAsync()
    {
        _subscription?.Dispose();
        Task drain;
        lock (_outbox)
        {
            _closed = true;
            _outbox.Clear();
            drain = _drain;
        }

        try
        {
            await drain;
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException)
        {
            // The connection ended while an event was being sent.
        }
    }

    /// <summary><see cref="OpenAsync"/>, then live events until <paramref name="stop"/> is cancelled (an event stream lives as long).</summary>
    public async Task StreamAsync(long after, bool full, ChatSend send, CancellationTokenSource stop)
    {
        try
        {
            await OpenAsync(after, full, send, stop);
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        finally
        {
            await CloseAsync();
        }
    }

    private void Enqueue(ChatEvent chatEvent)
    {
        if (chatEvent is ChatGoingAwayEvent)
        {
            _goAway?.GoAway();
            return;
        }

        lock (_outbox)
        {
            if (_closed)
            {
                return;
            }

            if (_outbox.Count == OutboxCapacity)
            {
                // Too slow: cut now, a send the drain is blocked in included; the widget reconnects and resumes. Under the
                // lock, so CloseAsync (after which the stop may be disposed) cannot pass meanwhile.
                if (!_overflowed)
                {
                    _overflowed = true;
                    _ = _stop!.CancelAsync();
                }

                return;
            }

            _outbox.Enqueue(chatEvent);
            StartDrain();
        }
    }

    /// <summary>Starts a drain unless one runs, the history is still being sent, or the connection ended; under the outbox's lock.</summary>
    private void StartDrain()
    {
        if (_live && !_draining && !_closed && !_overflowed && _outbox.Count > 0)
        {
            _draining = true;
            _drain = Task.Run(DrainAsync);
        }
    }

    /// <summary>Sends the outbox's events in order until it is empty (or the visitor was cut, or the connection ended).</summary>
    private async Task DrainAsync()
    {
        var ct = _stop!.Token;
        try
        {
            while (true)
            {
                ChatEvent? next;
                lock (_outbox)
                {
                    if (_overflowed || _closed || !_outbox.TryDequeue(out next))
                    {
                        // Past its last send: nothing to wait for, and an idle visitor keeps no finished task.
                        _draining = false;
                        _drain = Task.CompletedTask;
                        return;
                    }
                }

                await SendEventAsync(next, _send!, ct);
            }
        }
        catch (Exception)
        {
            // No further drain starts (_draining stays set): the connection ends, and CloseAsync hears of the failure.
            await _stop.CancelAsync();
            throw;
        }
    }

    private async Task SendEventAsync(ChatEvent chatEvent, ChatSend send, CancellationToken ct)
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
