using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Data.Tenancy;
using Parley.Domain.Security;
using Parley.Server.Auth;

namespace Parley.Server.Application.Chats;

/// <summary>
/// How far the agent has read a chat they handle or handled: the last customer message seen with its tab open, kept on
/// the conversation (<c>AgentReadSeq</c>), so the workspace's unread counts survive a reload. Needs <c>agent.self</c> and
/// the interaction in the agent's hands (active or in wrap-up); anything else is not found. A transferred chat keeps the
/// mark: what the first agent saw counts as seen, and the next agent's tab opens on the chat anyway.
/// </summary>
internal sealed class ChatReading(ParleyDbContext db, TenantContext tenant)
{
    /// <summary>The last customer message (its sequence number) seen in the chat; 0 when none was.</summary>
    public async Task<AppResult<long>> ReadThroughAsync(CurrentActor actor, Guid interactionId, CancellationToken ct)
    {
        if (await ConversationOfAsync(actor, interactionId, ct) is not { } conversationId)
        {
            return Refusal(actor);
        }

        return AppResult<long>.Ok(await db.ChatConversations.AsNoTracking().Where(c => c.Id == conversationId).Select(c => c.AgentReadSeq).SingleOrDefaultAsync(ct));
    }

    /// <summary>Marks the chat read up to the customer's message <paramref name="seq"/> (never back).</summary>
    public async Task<AppResult<Done>> MarkReadAsync(CurrentActor actor, Guid interactionId, long seq, CancellationToken ct)
    {
        if (await ConversationOfAsync(actor, interactionId, ct) is not { } conversationId)
        {
            return Refusal(actor);
        }

        await db.ChatConversations.Where(c => c.Id == conversationId && c.AgentReadSeq < seq)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.AgentReadSeq, seq), ct);
        return AppResult<Done>.Ok(Done.Value);
    }

    /// <summary>The conversation of a chat interaction the actor's agent handles or handled, else null.</summary>
    private async Task<Guid?> ConversationOfAsync(CurrentActor actor, Guid interactionId, CancellationToken ct)
    {
        if (!actor.Permissions.Contains(Permissions.AgentSelf) || actor.ActorType != ParleyClaims.ActorUser || !Guid.TryParse(actor.ActorId, out var userId))
        {
            return null;
        }

        tenant.Set(actor.TenantId);
        var agentId = await db.Agents.AsNoTracking().Where(a => a.UserId == userId).Select(a => (Guid?)a.Id).SingleOrDefaultAsync(ct);
        var attributes = agentId is null ? null : await db.Interactions.AsNoTracking()
            .Where(i => i.Id == interactionId && i.AgentId == agentId).Select(i => i.Attributes).SingleOrDefaultAsync(ct);
        return attributes is null
            ? null
            : ChatTransferAttributes.ConversationOf(interactionId, System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(attributes) ?? []);
    }

    private static AppError Refusal(CurrentActor actor) =>
        actor.Permissions.Contains(Permissions.AgentSelf) ? AppError.NotFound() : AppError.Forbidden(Permissions.AgentSelf);
}
