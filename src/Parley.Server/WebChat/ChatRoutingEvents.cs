using Microsoft.EntityFrameworkCore;
using Parley.Server.Routing;
using Parley.Server.Tenants;

namespace Parley.Server.WebChat;

/// <summary>
/// Turns routing events of chats into what the visitor sees: an accepted chat announces the agent's name, an ended,
/// abandoned or overflowed-out one its end (an overflow to another queue keeps it waiting there) (also saved on the conversation). Called by <see cref="RoutingEventDispatcher"/>
/// with each tenant's batch; only chats open on this node cost more than a dictionary lookup.
/// </summary>
internal sealed class ChatRoutingEvents(ChatRooms rooms, IServiceScopeFactory scopes, TimeProvider time, Transcripts.TranscriptMailer mailer)
{
    public async Task OnEventsAsync(Guid tenantId, IReadOnlyList<RoutingEventMessage> events)
    {
        List<(Guid Id, string By)>? ended = null;
        foreach (var e in events)
        {
            if (e.InteractionId is null || !Guid.TryParse(e.InteractionId, out var id))
            {
                continue;
            }

            var by = e.Type switch
            {
                "interaction.ended" => "agent",
                "interaction.abandoned" => "system",
                // Overflow to another queue moves the chat there (the engine keeps the interaction); other targets end it.
                "interaction.overflowed" when !IsMoveToQueue(e) => "system",
                _ => null,
            };
            if (by is not null)
            {
                (ended ??= []).Add((id, by));
            }

            if (rooms.FindByInteraction(id) is not { } room || room.TenantId != tenantId)
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
            else if (by is not null)
            {
                rooms.Ended(room, room.EndingBy ?? by);
            }
        }

        if (ended is not null)
        {
            await SaveEndsAsync(tenantId, ended);
        }
    }

    private static bool IsMoveToQueue(RoutingEventMessage e) =>
        e.Data.TryGetValue("target", out var target) && target is string kind && kind == nameof(Parley.Routing.Queues.OverflowTargetKind.Queue);

    /// <summary>
    /// Stamps the end on chats not ended by their visitor (who stamps it first); other channels' ids match no row, nor does
    /// an interaction a transfer left (the chat is held by its successor then).
    /// </summary>
    private async Task SaveEndsAsync(Guid tenantId, List<(Guid Id, string By)> ended)
    {
        await using var scope = scopes.OpenTenant(tenantId, out var db);
        var now = time.GetUtcNow();
        foreach (var group in ended.GroupBy(e => e.By))
        {
            var ids = group.Select(e => e.Id).ToList();
            await db.ChatConversations.Where(c => ids.Contains(c.InteractionId) && c.EndedAt == null)
                .ExecuteUpdateAsync(set => set.SetProperty(c => c.EndedAt, now).SetProperty(c => c.EndedBy, group.Key));
        }

        mailer.Wake();
    }
}
