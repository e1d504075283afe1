using System.Text.Json;
using Parley.Data.Entities.Chat;
using Parley.Server.WebChat;

namespace Parley.Server.Relay;

/// <summary>
/// Keeps the rooms of one web chat on several nodes in step (<see cref="ClusterBus"/> topic <c>chat-rooms</c>): a message
/// committed, a typing change and a transfer shared by one node's room (<see cref="ChatRoom.Share"/>) reach the room of the
/// same chat on every other node that has it open, whose subscribers (the visitor's socket, the agent's pane) hear it as
/// if it had happened there. A node with no open room for the chat ignores it (a room opening later loads from the
/// database). Joins and ends are routing events and reach every node's rooms through <see cref="RoutingEventRelay"/>.
/// Runs only when <c>Parley:Redis</c> is set.
/// </summary>
internal sealed class ChatRoomRelay(ClusterBus bus, ChatRooms rooms, ChatMessageStore store) : IHostedService
{
    public const string Topic = "chat-rooms";

    public Task StartAsync(CancellationToken cancellationToken) => bus.SubscribeAsync(Topic, OnReceivedAsync);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public static byte[] Encode(ChatRoom room, ChatEvent chatEvent) => JsonSerializer.SerializeToUtf8Bytes(chatEvent switch
    {
        ChatMessageEvent m => new Shared(room.TenantId, room.ConversationId, room.InteractionId, Kind.Message, m.Message, false, false),
        ChatTypingEvent t => new Shared(room.TenantId, room.ConversationId, room.InteractionId, Kind.Typing, null, t.FromCustomer, t.On),
        ChatTransferredEvent => new Shared(room.TenantId, room.ConversationId, room.InteractionId, Kind.Transferred, null, false, false),
        _ => throw new ArgumentOutOfRangeException(nameof(chatEvent), chatEvent.GetType().Name, "Only messages, typing and transfers are shared between nodes."),
    });

    private async Task OnReceivedAsync(ReadOnlyMemory<byte> payload)
    {
        var shared = JsonSerializer.Deserialize<Shared>(payload.Span) ?? throw new JsonException("An empty chat room event.");
        if (rooms.Find(shared.ConversationId) is not { } room || room.TenantId != shared.TenantId)
        {
            return;
        }

        switch (shared.Kind)
        {
            case Kind.Message when shared.Message is { } message && message.TenantId == room.TenantId && message.ConversationId == room.ConversationId:
                await room.ApplyRemoteAsync(store, message);
                break;
            case Kind.Typing:
                room.Publish(new ChatTypingEvent(shared.FromCustomer, shared.On));
                break;
            case Kind.Transferred:
                // The chat waits under its new interaction, whose routing events (the next agent's join) this room must now hear.
                rooms.Rehome(room, shared.InteractionId);
                room.Status = ChatRoomStatus.Waiting;
                room.AgentName = null;
                room.Publish(new ChatTransferredEvent());
                break;
        }
    }

    private enum Kind
    {
        Message,
        Typing,
        Transferred,
    }

    private sealed record Shared(Guid TenantId, Guid ConversationId, Guid InteractionId, Kind Kind, ChatMessageRow? Message, bool FromCustomer, bool On);
}
