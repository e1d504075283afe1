using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Parley.Cluster.Routing.Messages;
using Parley.Data;
using Parley.Data.Entities.Acd;
using Parley.Data.Tenancy;
using Parley.Domain.Security;
using Parley.Server.Application.Calls;
using Parley.Server.Audit;
using Parley.Server.Auth;
using Parley.Server.Routing;
using Parley.Server.WebChat;
using RoutingChannel = Parley.Routing.Channels.Channel;

namespace Parley.Server.Application.Chats;

/// <summary>
/// Transfers a web chat the agent handles to a queue, or to an agent through the chat's queue (the engine's preferred
/// agent, with the queue's preferred-agent timeout), with a note — for the REST API
/// (<c>POST /api/v1/interactions/{id}/transfer</c>) and the workspace alike. Like a voice transfer, the chat is queued
/// again as a new interaction that carries the old one's attributes (pre-chat answers, page) plus the conversation,
/// the first agent's name and the note; the transcript stays with the conversation, so the next agent reads all of it.
/// The visitor hears <c>transferred</c>, then the next agent's <c>joined</c>; the first agent's interaction ends (wrap-up
/// as their queue asks). Only the agent who handles the chat may transfer it: anything else is not found.
/// </summary>
internal sealed class ChatTransfers(ParleyDbContext db, TenantContext tenant, ChatRooms rooms, RoutingGateway routing, AuditScope audit)
{
    public async Task<AppResult<ChatTransferResult>> TransferAsync(CurrentActor actor, Guid interactionId, ChatTransferRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!actor.Permissions.Contains(Permissions.AgentSelf))
        {
            return AppError.Forbidden(Permissions.AgentSelf);
        }

        if (actor.ActorType != ParleyClaims.ActorUser || !Guid.TryParse(actor.ActorId, out var userId))
        {
            return AppError.NotFound();
        }

        tenant.Set(actor.TenantId);
        var agent = await db.Agents.AsNoTracking().SingleOrDefaultAsync(a => a.UserId == userId, ct);
        var record = agent is null ? null : await db.Interactions.AsNoTracking().SingleOrDefaultAsync(
            i => i.Id == interactionId && i.AgentId == agent.Id && i.Status == InteractionRecord.Active && i.Channel == nameof(RoutingChannel.Chat), ct);
        var conversation = record is null ? null : await db.ChatConversations.AsNoTracking().SingleOrDefaultAsync(c => c.InteractionId == interactionId, ct);
        if (agent is null || record is null || conversation is null)
        {
            return AppError.NotFound();
        }

        if ((request.Queue is null) == (request.Agent is null))
        {
            return AppError.Invalid("to", "Name exactly one of queue or agent.");
        }

        var note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        if (note is { Length: > ChatTransferAttributes.MaxNoteLength })
        {
            return AppError.Invalid("note", $"Notes are limited to {ChatTransferAttributes.MaxNoteLength} characters.");
        }

        var queueId = request.Queue ?? record.QueueId;
        string target;
        string shownTarget;
        if (request.Queue is { } queue)
        {
            var row = await db.Queues.AsNoTracking().Where(q => q.Id == queue).Select(q => new { q.Name, q.Channels }).SingleOrDefaultAsync(ct);
            if (row is null || !row.Channels.Contains(nameof(RoutingChannel.Chat)))
            {
                return AppError.Invalid("to/queue", "No such queue serving chats.");
            }

            target = $"queue {row.Name}";
            shownTarget = $"the {row.Name} queue";
        }
        else
        {
            var name = await db.Agents.AsNoTracking().Where(a => a.Id == request.Agent && a.Id != agent.Id).Select(a => a.DisplayName).SingleOrDefaultAsync(ct);
            if (name is null)
            {
                return AppError.Invalid("to/agent", "No such agent (other than you).");
            }

            target = $"agent {name}";
            shownTarget = name;
        }

        if (await rooms.OpenAsync(actor.TenantId, conversation.Id, ct) is not { } room)
        {
            return AppError.NotFound();
        }

        var attributes = JsonSerializer.Deserialize<Dictionary<string, string>>(record.Attributes) ?? [];
        attributes[ChatTransferAttributes.ChatId] = conversation.Id.ToString();
        attributes[ChatTransferAttributes.TransferredBy] = agent.DisplayName;
        attributes.Remove(ChatTransferAttributes.Note);
        attributes.Remove(ChatTransferAttributes.TransferredTo);
        if (note is not null)
        {
            attributes[ChatTransferAttributes.Note] = note;
        }

        // The conversation and its room move to the new interaction before routing hears of either end, so the old
        // interaction's end is not taken for the chat's end.
        var next = Guid.CreateVersion7();
        audit.Target("interaction", interactionId).Describe($"transferred the chat to {target}{(note is null ? "" : " with a note")}");
        await MoveAsync(conversation.Id, next, ct);
        rooms.Rehome(room, next);
        room.Status = ChatRoomStatus.Waiting;
        var queued = await routing.Grain.Enqueue(new EnqueueCommand(
            RoutingDefinitions.Key(next), RoutingDefinitions.Key(queueId), RoutingChannel.Chat, record.Priority, attributes,
            request.Agent is { } preferred ? RoutingDefinitions.Key(preferred) : null));
        if (AppError.From(queued) is { } refused)
        {
            await MoveAsync(conversation.Id, interactionId, ct);
            rooms.Rehome(room, interactionId);
            room.Status = ChatRoomStatus.Active;
            return refused;
        }

        room.AgentName = null;
        room.Share(new ChatTransferredEvent());
        // Where the chat went is stored before routing ends the interaction, so the end's live event already finds it: the
        // first agent's open tab re-reads its work on that event and says "You transferred the chat to …" at once.
        await StampAsync(interactionId, ended => ended.Attributes = WithTarget(ended.Attributes, shownTarget), ct);
        if (AppError.From(await routing.Grain.End(RoutingDefinitions.Key(interactionId))) is { } notEnded)
        {
            return notEnded;
        }

        // The outcome after the end, whose save writes the routing outcome.
        await StampAsync(interactionId, ended => ended.Outcome = InteractionRecord.TransferredOutcome, ct);

        return AppResult<ChatTransferResult>.Ok(new ChatTransferResult(next));
    }

    /// <summary>The transfer picker's choices: the tenant's queues that serve chats and the agents other than the caller.</summary>
    public async Task<TransferTargets> TargetsAsync(CurrentActor actor, CancellationToken ct)
    {
        if (!actor.Permissions.Contains(Permissions.AgentSelf) || actor.ActorType != ParleyClaims.ActorUser || !Guid.TryParse(actor.ActorId, out var userId))
        {
            return TransferTargets.None;
        }

        tenant.Set(actor.TenantId);
        var me = await db.Agents.AsNoTracking().Where(a => a.UserId == userId).Select(a => (Guid?)a.Id).SingleOrDefaultAsync(ct);
        if (me is null)
        {
            return TransferTargets.None;
        }

        var queues = await db.Queues.AsNoTracking().OrderBy(q => q.Name).Select(q => new { q.Id, q.Name, q.Channels }).ToListAsync(ct);
        var agents = await db.Agents.AsNoTracking().Where(a => a.Id != me).OrderBy(a => a.DisplayName).Select(a => new TransferChoice(a.Id, a.DisplayName)).ToListAsync(ct);
        return new TransferTargets(
            queues.Where(q => q.Channels.Contains(nameof(RoutingChannel.Chat))).Select(q => new TransferChoice(q.Id, q.Name)).ToList(), agents);
    }

    /// <summary>
    /// Changes the transferred interaction's row (a tracked save: marking it transferred makes a closed report quarter
    /// stale): where it went, for the first agent's tab while they wrap up, and that it was passed on, for the reports.
    /// </summary>
    private async Task StampAsync(Guid interactionId, Action<InteractionRecord> change, CancellationToken ct)
    {
        var row = await db.Interactions.SingleOrDefaultAsync(i => i.Id == interactionId, ct);
        if (row is not null)
        {
            change(row);
            await db.SaveChangesAsync(ct);
            // Not kept: routing's end saves the row (and its version) in between, and the next stamp must read that.
            db.Entry(row).State = EntityState.Detached;
        }
    }

    private static string WithTarget(string attributesJson, string shownTarget)
    {
        var attributes = JsonSerializer.Deserialize<Dictionary<string, string>>(attributesJson) ?? [];
        attributes[ChatTransferAttributes.TransferredTo] = shownTarget;
        return JsonSerializer.Serialize(attributes);
    }

    private Task MoveAsync(Guid conversationId, Guid interactionId, CancellationToken ct) =>
        db.ChatConversations.Where(c => c.Id == conversationId).ExecuteUpdateAsync(set => set.SetProperty(c => c.InteractionId, interactionId), ct);
}
