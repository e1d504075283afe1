using Parley.Channels.WebChat;
using Parley.Data.Entities.Chat;

namespace Parley.Server.WebChat;

/// <summary>
/// The live state of one chat on this node: the last sequence number of each direction (loaded from the database when
/// the room opens), its status, and its subscribers. Appends are serialised per chat by a gate, so sequence numbers are
/// handed out and checked in order; the gate is held across the durable write, and subscribers hear of a message only
/// after it is committed. In a cluster each node serving the chat has its own room, kept in step over Redis
/// (<see cref="ChatRoom"/>'s <c>Cluster</c> part).
/// </summary>
internal sealed partial class ChatRoom(Guid tenantId, Guid conversationId, Guid interactionId)
{
    // Made on the first append: a room whose visitor waits in the queue and writes nothing (most of them) has none.
    private SemaphoreSlim? _gate;

    // One lock for the little state below (a room per chat, thousands per node: each lock and map is paid per chat).
    private readonly Lock _lock = new();
    private Subscription[] _subscribers = [];
    private ChatTokenBucket? _messages;
    private ChatTokenBucket? _typing;
    private bool _customerTyping;
    private Guid _interactionId = interactionId;

    public Guid TenantId { get; } = tenantId;

    public Guid ConversationId { get; } = conversationId;

    /// <summary>The routing interaction that holds the chat now (a transfer moves it to a new one; see <see cref="ChatRooms.Rehome"/>).</summary>
    public Guid InteractionId
    {
        get
        {
            lock (_lock)
            {
                return _interactionId;
            }
        }

        set
        {
            lock (_lock)
            {
                _interactionId = value;
            }
        }
    }

    public long LastCustomerSeq { get; set; }

    public long LastAgentSeq { get; set; }

    public volatile ChatRoomStatus Status;

    public string? AgentName { get; set; }

    /// <summary>Who is ending the chat, set before routing hears of it (so the routing event announces the right side).</summary>
    public string? EndingBy { get; set; }

    /// <summary>Set once the end was announced, so it is announced once.</summary>
    public int EndAnnounced;

    /// <summary>Set once a rating was taken on this node, so further ratings cost no database work.</summary>
    public int RatingTaken;

    /// <summary>The chat's message bucket, shared by all the visitor's sockets (a second tab gets no second budget).</summary>
    public ChatTokenBucket CustomerMessages(WebChatOptions options, TimeProvider time) =>
        LazyInitializer.EnsureInitialized(ref _messages, () => new ChatTokenBucket(options.SessionMessagesPerSecond, options.SessionMessageBurst, time));

    /// <summary>
    /// Whether the visitor's typing frame changes what the agent sees: only a change is shown, and switching on takes a
    /// token of the chat's typing bucket, so a storm of frames reaches the agent as a few changes a second.
    /// </summary>
    public bool ShowCustomerTyping(bool on, WebChatOptions options, TimeProvider time)
    {
        var bucket = LazyInitializer.EnsureInitialized(ref _typing, () => new ChatTokenBucket(options.TypingPerSecond, options.TypingPerSecond, time));
        lock (_lock)
        {
            if (on == _customerTyping || (on && !bucket.TryTake(out _)))
            {
                return false;
            }

            _customerTyping = on;
            return true;
        }
    }

    public int SubscriberCount => Volatile.Read(ref _subscribers).Length;

    public bool HasCustomer => Volatile.Read(ref _subscribers).Any(s => s.IsCustomer);

    public async Task<(ChatAppendOutcome Outcome, ChatMessageRow? Message)> AppendAsync(
        ChatMessageStore store, bool fromCustomer, long customerSeq, string text, Guid? agentId, string? senderName, DateTimeOffset at,
        ChatAttachmentInfo? attachment, CancellationToken ct)
    {
        var gate = Gate;
        await gate.WaitAsync(ct);
        try
        {
            if (Status == ChatRoomStatus.Ended)
            {
                return (ChatAppendOutcome.Ended, null);
            }

            long seq;
            if (fromCustomer)
            {
                if (customerSeq <= LastCustomerSeq)
                {
                    return (ChatAppendOutcome.Duplicate, null);
                }

                if (customerSeq != LastCustomerSeq + 1)
                {
                    return (ChatAppendOutcome.Gap, null);
                }

                seq = customerSeq;
            }
            else
            {
                seq = LastAgentSeq + 1;
            }

            var row = new ChatMessageRow
            {
                Id = Guid.CreateVersion7(at), TenantId = TenantId, ConversationId = ConversationId, Seq = seq, Text = text, AgentId = agentId,
                SenderName = senderName, At = at, Direction = fromCustomer ? ChatMessageRow.FromCustomer : ChatMessageRow.FromAgent,
                AttachmentId = attachment?.Id, AttachmentName = attachment?.Name, AttachmentType = attachment?.Type, AttachmentSize = attachment?.Size,
            };
            // Once queued the row may be committed whatever the caller does, so the room waits for the outcome (not for the
            // caller's token): its last sequence numbers must match the database, or a re-send would be stored twice.
            if (!await StoreOnceAsync(store, row))
            {
                return (ChatAppendOutcome.Duplicate, null);
            }

            if (fromCustomer)
            {
                LastCustomerSeq = row.Seq;
            }
            else
            {
                LastAgentSeq = row.Seq;
            }

            Share(new ChatMessageEvent(row));
            return (ChatAppendOutcome.Stored, row);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Serialises the room's appends (and, in a cluster, what other nodes relay), made on first use.</summary>
    private SemaphoreSlim Gate => LazyInitializer.EnsureInitialized(ref _gate, static () => new SemaphoreSlim(1, 1));

    public IDisposable Subscribe(bool isCustomer, Action<ChatEvent> handler, Action<ChatRoom> left)
    {
        var subscription = new Subscription(this, isCustomer, handler, left);
        lock (_lock)
        {
            _subscribers = [.. _subscribers, subscription];
        }

        return subscription;
    }

    /// <summary>Hands <paramref name="chatEvent"/> to every subscriber; handlers only queue, they never block.</summary>
    public void Publish(ChatEvent chatEvent)
    {
        foreach (var subscriber in Volatile.Read(ref _subscribers))
        {
            subscriber.Handler(chatEvent);
        }
    }

    /// <summary>Hands <paramref name="chatEvent"/> to the visitors' subscriptions only (not the agents' panes).</summary>
    public void PublishToCustomers(ChatEvent chatEvent)
    {
        foreach (var subscriber in Volatile.Read(ref _subscribers))
        {
            if (subscriber.IsCustomer)
            {
                subscriber.Handler(chatEvent);
            }
        }
    }

    private bool Unsubscribe(Subscription subscription)
    {
        lock (_lock)
        {
            if (Array.IndexOf(_subscribers, subscription) < 0)
            {
                return false;
            }

            _subscribers = [.. _subscribers.Where(s => s != subscription)];
            return true;
        }
    }

    private sealed class Subscription(ChatRoom room, bool isCustomer, Action<ChatEvent> handler, Action<ChatRoom> left) : IDisposable
    {
        public bool IsCustomer { get; } = isCustomer;

        public Action<ChatEvent> Handler { get; } = handler;

        public void Dispose()
        {
            if (room.Unsubscribe(this))
            {
                left(room);
            }
        }
    }
}
