using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Parley.Channels.WebChat;
using Parley.Data;
using Parley.Data.Entities.Acd;
using Parley.Data.Tenancy;
using Parley.Domain.Security;
using Parley.Server.Application.Attachments;
using Parley.Server.Audit;
using Parley.Server.Auth;
using Parley.Server.WebChat;

namespace Parley.Server.Application.Chats;

/// <summary>
/// The agent's side of web chats, shared by the REST API (<c>/api/v1/interactions/{id}/messages</c>, <c>…/typing</c>) and
/// the workspace's chat pane. Reading a transcript needs <c>interactions.read</c>, or <c>agent.self</c> for a chat the
/// agent handles or handled; writing needs <c>agent.self</c> and the chat active in the agent's hands. Anything of
/// another tenant, or not theirs, is not found. A message is answered only once it is stored. A transferred chat is one
/// conversation over several interactions (<see cref="ChatTransfers"/>): each of them reads the conversation's transcript
/// (an agent whose part ended, up to that end), and only the interaction holding the chat now may write.
/// </summary>
internal sealed class ChatService(ParleyDbContext db, TenantContext tenant, ChatRooms rooms, ChatMessageStore store, AuditScope audit, TimeProvider time,
    AttachmentService attachments)
{
    public async Task<AppResult<IReadOnlyList<ChatMessageView>>> GetMessagesAsync(CurrentActor actor, Guid interactionId, CancellationToken ct)
    {
        tenant.Set(actor.TenantId);
        var interaction = await db.Interactions.AsNoTracking().Where(i => i.Id == interactionId)
            .Select(i => new { i.AgentId, i.Attributes, i.ClosedAt }).SingleOrDefaultAsync(ct);
        if (interaction is null)
        {
            return AppError.NotFound();
        }

        var attributes = JsonSerializer.Deserialize<Dictionary<string, string>>(interaction.Attributes) ?? [];
        var conversationId = ChatTransferAttributes.ConversationOf(interactionId, attributes);
        DateTimeOffset? until = null;

        if (!actor.Permissions.Contains(Permissions.InteractionsRead))
        {
            if (!actor.Permissions.Contains(Permissions.AgentSelf))
            {
                return AppError.Forbidden(Permissions.InteractionsRead);
            }

            if (await AgentIdOfAsync(actor, ct) is not { } agentId || interaction.AgentId != agentId)
            {
                return AppError.NotFound();
            }

            until = interaction.ClosedAt;
        }

        var rows = await db.ChatMessages.AsNoTracking().Where(m => m.ConversationId == conversationId).OrderBy(m => m.At).ThenBy(m => m.Seq).ToListAsync(ct);
        var customerName = CustomerAttributes.NameOf(attributes);
        return AppResult<IReadOnlyList<ChatMessageView>>.Ok(rows.Where(m => until is null || m.At <= until).Select(m => ChatMessageView.Of(m, customerName)).ToArray());
    }

    /// <summary>The visitor's rating of the chat, for whoever may read its transcript; not found when not rated.</summary>
    public async Task<AppResult<ChatRatingView>> GetRatingAsync(CurrentActor actor, Guid interactionId, CancellationToken ct)
    {
        var readable = await GetMessagesAsync(actor, interactionId, ct);
        if (readable.Error is { } error)
        {
            return error;
        }

        var rating = await db.ChatConversations.AsNoTracking().Where(c => c.Id == interactionId && c.Rating != null)
            .Select(c => new ChatRatingView(c.Rating!.Value, c.RatingComment, c.RatedAt)).SingleOrDefaultAsync(ct);
        return rating is null ? AppError.NotFound() : AppResult<ChatRatingView>.Ok(rating);
    }

    /// <summary>Subscribes <paramref name="handler"/> to a chat the actor may read (see <see cref="ChatLiveUpdates"/>), or null.</summary>
    public async Task<IDisposable?> SubscribeAsync(CurrentActor actor, Guid interactionId, Action<ChatEvent> handler, CancellationToken ct)
    {
        var readable = await GetMessagesAsync(actor, interactionId, ct);
        if (!readable.IsOk || await ConversationIdAsync(interactionId, ct) is not { } conversationId
            || await rooms.OpenAsync(actor.TenantId, conversationId, ct) is not { } room)
        {
            return null;
        }

        // Once the chat moved on (transferred), this interaction's pane hears nothing more of it.
        return rooms.Subscribe(room, isCustomer: false, e =>
        {
            if (room.InteractionId == interactionId)
            {
                handler(e);
            }
        });
    }

    /// <summary>
    /// Sends the agent's message to the visitor: stored (group commit), then delivered. It may carry
    /// <paramref name="attachmentId"/>, a file the same user uploaded (<c>POST /api/v1/attachments</c>); the text may then be empty.
    /// </summary>
    public async Task<AppResult<ChatMessageView>> SendAsync(CurrentActor actor, Guid interactionId, string? text, CancellationToken ct, Guid? attachmentId = null)
    {
        var clean = ChatText.Clean(text);
        if (clean is null && (attachmentId is null || !string.IsNullOrWhiteSpace(text)))
        {
            return AppError.Invalid("text", $"Write 1–{ChatLimits.MaxTextLength} characters.");
        }

        if (await ActiveChatAsync(actor, interactionId, ct) is not { } chat)
        {
            return Refusal(actor);
        }

        ChatAttachmentInfo? attachment = null;
        if (attachmentId is { } fileId)
        {
            attachment = await db.Attachments.AsNoTracking()
                .Where(a => a.Id == fileId && a.UploadedByType == ParleyClaims.ActorUser && a.UploadedBy == actor.ActorId)
                .Select(a => new ChatAttachmentInfo(a.Id, a.FileName, a.ContentType, a.SizeBytes)).SingleOrDefaultAsync(ct);
            if (attachment is null)
            {
                return AppError.Invalid("attachmentId", "No such attachment of yours; upload it first.");
            }
        }

        audit.Target("interaction", interactionId).Describe(attachment is null ? "sent a chat message" : $"sent a chat message with '{attachment.Name}'");
        var (outcome, row) = await chat.Room.AppendAsync(store, fromCustomer: false, 0, clean ?? "", chat.Agent.Id, chat.Agent.DisplayName, time.GetUtcNow(), attachment, ct);
        return outcome == ChatAppendOutcome.Stored ? AppResult<ChatMessageView>.Ok(ChatMessageView.Of(row!)) : AppError.Conflict("The chat has ended.");
    }

    /// <summary>
    /// A file carried by a message of the chat, for someone who may read that chat's transcript (the handling agent, or
    /// <c>interactions.read</c>); a file of another chat or tenant is not found.
    /// </summary>
    public async Task<AppResult<AttachmentFile>> OpenAttachmentAsync(CurrentActor actor, Guid interactionId, Guid attachmentId, CancellationToken ct)
    {
        var readable = await GetMessagesAsync(actor, interactionId, ct);
        if (readable.Error is { } error)
        {
            return error;
        }

        // The transcript the actor may read (a transferred chat's conversation; an agent whose part ended, up to that end).
        if (!readable.Value!.Any(m => m.Attachment?.Id == attachmentId))
        {
            return AppError.NotFound();
        }

        return await attachments.OpenForTenantAsync(actor.TenantId, attachmentId, ct);
    }

    /// <summary>Tells the visitor the agent is (or stopped) typing.</summary>
    public async Task<AppResult<Done>> TypingAsync(CurrentActor actor, Guid interactionId, bool on, CancellationToken ct)
    {
        if (await ActiveChatAsync(actor, interactionId, ct) is not { } chat)
        {
            return Refusal(actor);
        }

        chat.Room.Share(new ChatTypingEvent(FromCustomer: false, on));
        return AppResult<Done>.Ok(Done.Value);
    }

    /// <summary>The room of a chat the actor's agent handles now, or null.</summary>
    private async Task<(Agent Agent, ChatRoom Room)?> ActiveChatAsync(CurrentActor actor, Guid interactionId, CancellationToken ct)
    {
        if (!actor.Permissions.Contains(Permissions.AgentSelf) || actor.ActorType != ParleyClaims.ActorUser || !Guid.TryParse(actor.ActorId, out var userId))
        {
            return null;
        }

        tenant.Set(actor.TenantId);
        var agent = await db.Agents.AsNoTracking().SingleOrDefaultAsync(a => a.UserId == userId, ct);
        if (agent is null || !await db.Interactions.AnyAsync(
                i => i.Id == interactionId && i.AgentId == agent.Id && i.Status == InteractionRecord.Active && i.Channel == nameof(Parley.Routing.Channels.Channel.Chat), ct))
        {
            return null;
        }

        return await ConversationIdAsync(interactionId, ct) is { } conversationId
            && await rooms.OpenAsync(actor.TenantId, conversationId, ct) is { } room && room.InteractionId == interactionId
            ? (agent, room)
            : null;
    }

    private async Task<Guid?> ConversationIdAsync(Guid interactionId, CancellationToken ct) =>
        await db.Interactions.AsNoTracking().Where(i => i.Id == interactionId).Select(i => i.Attributes).SingleOrDefaultAsync(ct) is { } attributes
            ? ConversationOf(interactionId, attributes)
            : null;

    private static Guid ConversationOf(Guid interactionId, string attributes) =>
        ChatTransferAttributes.ConversationOf(interactionId, JsonSerializer.Deserialize<Dictionary<string, string>>(attributes) ?? []);

    private async Task<Guid?> AgentIdOfAsync(CurrentActor actor, CancellationToken ct) =>
        actor.ActorType == ParleyClaims.ActorUser && Guid.TryParse(actor.ActorId, out var userId)
            ? await db.Agents.AsNoTracking().Where(a => a.UserId == userId).Select(a => (Guid?)a.Id).SingleOrDefaultAsync(ct)
            : null;

    private static AppError Refusal(CurrentActor actor) =>
        actor.Permissions.Contains(Permissions.AgentSelf) ? AppError.NotFound() : AppError.Forbidden(Permissions.AgentSelf);
}
