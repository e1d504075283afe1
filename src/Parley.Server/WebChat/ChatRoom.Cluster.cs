using Microsoft.EntityFrameworkCore;
using Parley.Data.Entities.Chat;
using Parley.Server.Relay;

namespace Parley.Server.WebChat;

/// <summary>
/// A room in a cluster. Each node serving a chat (the visitor's socket on one, the agent's pane on another) keeps its own
/// room; what one commits or announces is shared with the others' rooms over Redis (<see cref="ChatRoomRelay"/>), which
/// take each message once and in order by its sequence number. The database stays the arbiter: its unique index on
/// (conversation, direction, sequence) refuses a second row with a number another node already stored, and any gap a
/// room notices (a relayed message it cannot place, a refused append) is filled from the database. So no node needs to
/// own a chat, a node that dies loses only its sockets, and a visitor resuming on another node gets everything after its
/// last acknowledged number from the database as on one node.
/// </summary>
internal sealed partial class ChatRoom
{
    private const int StoreAttempts = 3;

    /// <summary>The node's bus when clustered with Redis (given by <see cref="ChatRooms"/>); null on a single node.</summary>
    public ClusterBus? Bus { get; init; }

    /// <summary>Hands <paramref name="chatEvent"/> to this room's subscribers and to the other nodes' rooms of the chat.</summary>
    public void Share(ChatEvent chatEvent)
    {
        Publish(chatEvent);
        Bus?.Publish(ChatRoomRelay.Topic, ChatRoomRelay.Encode(this, chatEvent));
    }

    /// <summary>A message another node committed: told to this room's subscribers once, after everything before it.</summary>
    public async Task ApplyRemoteAsync(ChatMessageStore store, ChatMessageRow row)
    {
        var gate = Gate;
        await gate.WaitAsync();
        try
        {
            var last = row.Direction == ChatMessageRow.FromCustomer ? LastCustomerSeq : LastAgentSeq;
            if (row.Seq == last + 1)
            {
                Take(row);
            }
            else if (row.Seq > last)
            {
                // Something before it did not reach this node: the database has it all (the row was committed before it was sent).
                await CatchUpAsync(store);
            }
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// Stores <paramref name="row"/> (under the gate). When the database refuses it, as when another node stored the same
    /// sequence number first, the room catches up from the database: a visitor's message now there is a duplicate
    /// (false: not stored again), an agent's is retried with the next free number.
    /// </summary>
    private async Task<bool> StoreOnceAsync(ChatMessageStore store, ChatMessageRow row)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await store.StoreAsync(row, CancellationToken.None);
                return true;
            }
            catch (DbUpdateException) when (attempt < StoreAttempts)
            {
                await CatchUpAsync(store);
                if (row.Direction == ChatMessageRow.FromCustomer)
                {
                    if (row.Seq <= LastCustomerSeq)
                    {
                        return false;
                    }
                }
                else
                {
                    row.Seq = LastAgentSeq + 1;
                }
            }
        }
    }

    /// <summary>Tells the subscribers the stored messages this room has not seen, in order, and moves its numbers on.</summary>
    private async Task CatchUpAsync(ChatMessageStore store)
    {
        foreach (var missed in await store.NewerAsync(TenantId, ConversationId, LastCustomerSeq, LastAgentSeq))
        {
            Take(missed);
        }
    }

    private void Take(ChatMessageRow row)
    {
        if (row.Direction == ChatMessageRow.FromCustomer)
        {
            LastCustomerSeq = row.Seq;
        }
        else
        {
            LastAgentSeq = row.Seq;
        }

        Publish(new ChatMessageEvent(row));
    }
}
