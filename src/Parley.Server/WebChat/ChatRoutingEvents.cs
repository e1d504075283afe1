using Microsoft.EntityFrameworkCore;
using Parley.Server.Routing;
using Parley.Server.Tenants;

namespace Parley.Server.WebChat;

/// <summary>
/// Turns routing events of chats into what the visitor and the agent's pane see: an accepted chat announces the agent's
/// name, an ended, abandoned or overflowed-out one its end (an overflow to another queue keeps it waiting there)
/// (<see cref="UpdateRoomsAsync"/>, on every node, for the rooms open there: <see cref="LiveRoutingEvents"/>), and stamps
/// the end on the conversation (<see cref="SaveEndsAsync"/>, once, on the node whose grain produced the events: called by
/// <see cref="RoutingEventDispatcher"/>). Only chats open on a node cost more than a dictionary lookup.
/// </summary>
internal sealed class ChatRoutingEvents(ChatRooms rooms, IServiceScopeFactory scopes, TimeProvider time, Transcripts.TranscriptMailer mailer)
{
    /// <summary>
    /// Tells this node's open rooms of the batch's chats that an agent joined or that the chat ended. Who ended it is the
    /// ending side as the room heard it here, else as stamped on the conversation (the visitor's socket, maybe on another
    /// node, stamps their end before routing hears of it), else what the event says.
    /// </summary>
    public async Task UpdateRoomsAsync(Guid tenantId, IReadOnlyList<RoutingEventMessage> events)
    {
        foreach (var e in events)
        {
            if (e.InteractionId is null || !Guid.TryParse(e.InteractionId, out var id)
                || rooms.FindByInteraction(id) is not { } room || room.TenantId != tenantId)
            {
                continue;
            }

            if (e.Type == "interaction.accepted" && Guid.TryParse(e.AgentId, out var agentId))
            {
                await using var scope = scopes.OpenTenant(tenantId, out var db);
                room.AgentName = await db.Agents.Where(a => a.Id == agentId).Select(a => a.DisplayName).SingleOrDefaultAsync() ?? "Agent";
                room.Status = ChatRoomStatus.Active;
                room.Publish(new ChatJoinedEvent(room.AgentName));
            }
            else if (EndedBy(e) is { } by)
            {
                rooms.Ended(room, room.EndingBy ?? await StampedEndAsync(room) ?? by);
            }
        }
    }

    /// <summary>
    /// Stamps the end on chats not ended by their visitor (who stamps it first); other channels' ids match no row, nor does
    /// an interaction a transfer left (the chat is held by its successor then).
    /// </summary>
    public async Task SaveEndsAsync(Guid tenantId, IReadOnlyList<RoutingEventMessage> events)
    {
        var ended = events.Select(e => (Id: Guid.TryParse(e.InteractionId, out var id) ? id : Guid.Empty, By: EndedBy(e)))
            .Where(e => e.Id != Guid.Empty && e.By is not null).ToList();
        if (ended.Count == 0)
        {
            return;
        }

        await using var scope = scopes.OpenTenant(tenantId, out var db);
        var now = time.GetUtcNow();
        foreach (var group in ended.GroupBy(e => e.By!))
        {
            var ids = group.Select(e => e.Id).ToList();
            await db.ChatConversations.Where(c => ids.Contains(c.InteractionId) && c.EndedAt == null)
                .ExecuteUpdateAsync(set => set.SetProperty(c => c.EndedAt, now).SetProperty(c => c.EndedBy, group.Key));
        }

        mailer.Wake();
    }

    private static string? EndedBy(RoutingEventMessage e) => e.Type switch
    {
        "interaction.ended" => "agent",
        "interaction.abandoned" => "system",
        // Overflow to another queue moves the chat there (the engine keeps the interaction); other targets end it.
        "interaction.overflowed" when !IsMoveToQueue(e) => "system",
        _ => null,
    };

    private async Task<string?> StampedEndAsync(ChatRoom room)
    {
        await using var scope = scopes.OpenTenant(room.TenantId, out var db);
        return await db.ChatConversations.Where(c => c.Id == room.ConversationId).Select(c => c.EndedBy).SingleOrDefaultAsync();
    }

    private static bool IsMoveToQueue(RoutingEventMessage e) =>
        e.Data.TryGetValue("target", out var target) && target is string kind && kind == nameof(Parley.Routing.Queues.OverflowTargetKind.Queue);
}
