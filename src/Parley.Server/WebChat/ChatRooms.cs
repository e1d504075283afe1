using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Parley.Data.Entities.Acd;
using Parley.Data.Entities.Chat;
using Parley.Server.Tenants;

namespace Parley.Server.WebChat;

/// <summary>
/// The open chats of this node (<see cref="ChatRoom"/>), opened on first use from the database and dropped when ended and
/// nobody listens. Both sides use it: the visitor's socket and the agent's pane subscribe to a room; messages from
/// either side are appended through it. In a cluster the visitor and the agent may be on different nodes: each node opens
/// its own room for the chat, and the rooms are kept in step over Redis (<c>bus</c>, <see cref="Relay.ChatRoomRelay"/>;
/// why there is no owning node: <see cref="ChatRoom"/>'s <c>Cluster</c> part).
/// </summary>
internal sealed class ChatRooms(IServiceScopeFactory scopes, Relay.ClusterBus? bus = null)
{
    private readonly ConcurrentDictionary<Guid, ChatRoom> _rooms = new();
    private readonly ConcurrentDictionary<(Guid TenantId, Guid ConversationId), Lazy<Task<ChatRoom?>>> _loading = new();
    private readonly ConcurrentDictionary<Guid, ChatRoom> _byInteraction = new();
    private readonly ConcurrentDictionary<Guid, (Guid TenantId, DateTimeOffset StartedAt)> _unopened = new();
    private Action<ChatRoom>? _left;

    public int Count => _rooms.Count;

    public IEnumerable<ChatRoom> All => _rooms.Values;

    public ChatRoom? Find(Guid conversationId) => _rooms.GetValueOrDefault(conversationId);

    /// <summary>The open room whose chat the routing interaction <paramref name="interactionId"/> holds now, if any.</summary>
    public ChatRoom? FindByInteraction(Guid interactionId) => _byInteraction.GetValueOrDefault(interactionId);

    /// <summary>A transfer queued the chat under <paramref name="interactionId"/>: routing events of the old one no longer reach the room.</summary>
    public void Rehome(ChatRoom room, Guid interactionId)
    {
        var old = room.InteractionId;
        room.InteractionId = interactionId;
        _byInteraction[interactionId] = room;
        _byInteraction.TryRemove(new KeyValuePair<Guid, ChatRoom>(old, room));
    }

    /// <summary>The room of a chat of <paramref name="tenantId"/>, or null when there is no such chat in that tenant.</summary>
    /// <remarks>
    /// Rooms open side by side (a visitor's socket never waits for another chat's room to load); callers opening the same
    /// chat at once share one load, and the first room stored wins, so a chat never has two rooms.
    /// </remarks>
    public async Task<ChatRoom?> OpenAsync(Guid tenantId, Guid conversationId, CancellationToken ct)
    {
        if (_rooms.TryGetValue(conversationId, out var room))
        {
            return room.TenantId == tenantId ? room : null;
        }

        var key = (tenantId, conversationId);
        var loading = _loading.GetOrAdd(key, static (k, self) => new Lazy<Task<ChatRoom?>>(() => self.LoadAsync(k.TenantId, k.ConversationId)), this);
        try
        {
            return await loading.Value.WaitAsync(ct);
        }
        finally
        {
            if (loading.Value.IsCompleted)
            {
                _loading.TryRemove(new KeyValuePair<(Guid, Guid), Lazy<Task<ChatRoom?>>>(key, loading));
            }
        }
    }

    private async Task<ChatRoom?> LoadAsync(Guid tenantId, Guid conversationId)
    {
        await using var scope = scopes.OpenTenant(tenantId, out var db);
        var current = await db.ChatConversations.Where(c => c.Id == conversationId).Select(c => (Guid?)c.InteractionId).SingleOrDefaultAsync();
        if (current is not { } interactionId)
        {
            return null;
        }

        var interaction = await db.Interactions.AsNoTracking().Where(i => i.Id == interactionId).Select(i => new { i.Status, i.AgentId }).SingleOrDefaultAsync();
        var seqs = await db.ChatMessages.Where(m => m.ConversationId == conversationId)
            .GroupBy(m => m.Direction).Select(g => new { Direction = g.Key, Max = g.Max(m => m.Seq) }).ToListAsync();
        var room = new ChatRoom(tenantId, conversationId, interactionId)
        {
            Bus = bus,
            LastCustomerSeq = seqs.FirstOrDefault(s => s.Direction == ChatMessageRow.FromCustomer)?.Max ?? 0,
            LastAgentSeq = seqs.FirstOrDefault(s => s.Direction == ChatMessageRow.FromAgent)?.Max ?? 0,
            Status = interaction?.Status switch
            {
                InteractionRecord.Waiting => ChatRoomStatus.Waiting,
                InteractionRecord.Active => ChatRoomStatus.Active,
                _ => ChatRoomStatus.Ended,
            },
        };
        if (room.Status == ChatRoomStatus.Ended)
        {
            room.EndAnnounced = 1;
        }

        if (interaction?.AgentId is { } agentId)
        {
            room.AgentName = await db.Agents.Where(a => a.Id == agentId).Select(a => a.DisplayName).SingleOrDefaultAsync();
        }

        var stored = _rooms.GetOrAdd(conversationId, room);
        if (ReferenceEquals(stored, room))
        {
            _byInteraction[interactionId] = room;
        }

        return stored.TenantId == tenantId ? stored : null;
    }

    /// <summary>A visitor started a chat at <paramref name="at"/>: it is watched until their first socket or stream (<see cref="Subscribe"/>).</summary>
    public void Started(Guid tenantId, Guid conversationId, DateTimeOffset at) => _unopened[conversationId] = (tenantId, at);

    /// <summary>Chats started before <paramref name="before"/> whose visitor never connected; each is handed out once.</summary>
    public List<(Guid TenantId, Guid ConversationId)> TakeUnopened(DateTimeOffset before)
    {
        var due = new List<(Guid, Guid)>();
        foreach (var (conversationId, started) in _unopened)
        {
            if (started.StartedAt <= before && _unopened.TryRemove(new KeyValuePair<Guid, (Guid, DateTimeOffset)>(conversationId, started)))
            {
                due.Add((started.TenantId, conversationId));
            }
        }

        return due;
    }

    /// <summary>Subscribes to a chat's events; the room is dropped once it has ended and its last subscriber left.</summary>
    public IDisposable Subscribe(ChatRoom room, bool isCustomer, Action<ChatEvent> handler)
    {
        if (isCustomer)
        {
            _unopened.TryRemove(room.ConversationId, out _);
        }

        return room.Subscribe(isCustomer, handler, _left ??= Left);
    }

    /// <summary>The node stops: every visitor connected to a chat here is told to go away (<see cref="ChatGoingAwayEvent"/>).</summary>
    public void SendVisitorsAway()
    {
        foreach (var room in _rooms.Values)
        {
            room.PublishToCustomers(ChatGoingAwayEvent.Instance);
        }
    }

    /// <summary>Announces the end once and forgets the room if nobody listens.</summary>
    public void Ended(ChatRoom room, string by)
    {
        room.Status = ChatRoomStatus.Ended;
        if (Interlocked.Exchange(ref room.EndAnnounced, 1) == 0)
        {
            room.Publish(new ChatEndedEvent(by));
        }

        Left(room);
    }

    private void Left(ChatRoom room)
    {
        if (room.Status == ChatRoomStatus.Ended && room.SubscriberCount == 0)
        {
            if (_rooms.TryRemove(new KeyValuePair<Guid, ChatRoom>(room.ConversationId, room)))
            {
                _byInteraction.TryRemove(new KeyValuePair<Guid, ChatRoom>(room.InteractionId, room));
            }
        }
    }
}
