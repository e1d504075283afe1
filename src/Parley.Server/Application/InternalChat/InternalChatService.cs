using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Data.Entities.Workspace;
using Parley.Data.Tenancy;
using Parley.Domain.Security;
using Parley.Server.Api.Conventions;
using Parley.Server.Auth;

namespace Parley.Server.Application.InternalChat;

/// <summary>
/// The one-to-one internal chat between people of a tenant (REST <c>/api/v1/internal-chat</c> and the workspace). The
/// actor is a user holding <c>agent.self</c> (agents and administrators; supervisors once they work as agents); the other
/// person must be a user of the same tenant, else "not found". A message is saved before it is handed to the
/// recipient's open workspaces. Messages are operational traffic, not audited (architecture: audit vs history).
/// </summary>
public sealed class InternalChatService(ParleyDbContext db, TenantContext tenant, InternalChatEvents events, TimeProvider time)
{
    public const int MaxText = 2000;

    /// <summary>
    /// A page of the actor's colleagues (everyone else of the tenant) in user-name order, with online state and unread
    /// counts; the paging of every list (<see cref="PageRequest"/>: <c>limit</c> 1–200, a cursor from the page before).
    /// </summary>
    public async Task<AppResult<Page<ColleagueView>>> ColleaguesAsync(CurrentActor actor, PageRequest page, CancellationToken ct)
    {
        if (Me(actor) is not { } me)
        {
            return Refusal(actor);
        }

        if (page.LimitProblem is { } badLimit)
        {
            return AppError.Invalid("limit", badLimit);
        }

        var unread = await db.InternalMessages.AsNoTracking().Where(m => m.ToUserId == me && m.ReadAt == null)
            .GroupBy(m => m.FromUserId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var found = await db.Users.AsNoTracking().Where(u => u.Id != me).Select(u => new { u.Id, UserName = u.UserName ?? "", u.DisplayName })
            .ToPageAsync(u => u.UserName, page, u => new ColleagueView(
                u.Id, u.UserName, string.IsNullOrEmpty(u.DisplayName) ? u.UserName : u.DisplayName, events.IsOnline(actor.TenantId, u.Id), unread.GetValueOrDefault(u.Id)), ct);
        return found is null ? AppError.Invalid("cursor", Paging.InvalidCursor) : AppResult<Page<ColleagueView>>.Ok(found);
    }

    /// <summary>The latest <paramref name="limit"/> messages between the actor and <paramref name="userId"/>, oldest first.</summary>
    public async Task<AppResult<IReadOnlyList<InternalMessageView>>> MessagesAsync(CurrentActor actor, Guid userId, int limit, CancellationToken ct)
    {
        if (Me(actor) is not { } me)
        {
            return Refusal(actor);
        }

        if (!await ColleagueExistsAsync(me, userId, ct))
        {
            return AppError.NotFound();
        }

        if (new PageRequest(limit, null).LimitProblem is { } badLimit)
        {
            return AppError.Invalid("limit", badLimit);
        }

        var rows = await Between(me, userId).AsNoTracking()
            .OrderByDescending(m => m.SentAt).ThenByDescending(m => m.Id).Take(limit).ToListAsync(ct);
        rows.Reverse();
        return AppResult<IReadOnlyList<InternalMessageView>>.Ok(rows.Select(InternalMessageView.From).ToArray());
    }

    /// <summary>Stores the message, then delivers it live to the recipient's (and the sender's other) open workspaces.</summary>
    public async Task<AppResult<InternalMessageView>> SendAsync(CurrentActor actor, Guid userId, string text, CancellationToken ct)
    {
        if (Me(actor) is not { } me)
        {
            return Refusal(actor);
        }

        if (!await ColleagueExistsAsync(me, userId, ct))
        {
            return AppError.NotFound();
        }

        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxText)
        {
            return AppError.Invalid("text", $"A message is 1 to {MaxText} characters.");
        }

        var row = new InternalMessage { Id = Guid.CreateVersion7(), TenantId = actor.TenantId, FromUserId = me, ToUserId = userId, Text = text, SentAt = time.GetUtcNow() };
        db.InternalMessages.Add(row);
        await db.SaveChangesAsync(ct);
        var view = InternalMessageView.From(row);
        await events.PublishAsync(actor.TenantId, view);
        return AppResult<InternalMessageView>.Ok(view);
    }

    /// <summary>Marks every message from <paramref name="userId"/> to the actor as read; returns how many were unread.</summary>
    public async Task<AppResult<int>> MarkReadAsync(CurrentActor actor, Guid userId, CancellationToken ct)
    {
        if (Me(actor) is not { } me)
        {
            return Refusal(actor);
        }

        if (!await ColleagueExistsAsync(me, userId, ct))
        {
            return AppError.NotFound();
        }

        var now = time.GetUtcNow();
        var unread = await db.InternalMessages.Where(m => m.FromUserId == userId && m.ToUserId == me && m.ReadAt == null).ToListAsync(ct);
        foreach (var message in unread)
        {
            message.ReadAt = now;
        }

        await db.SaveChangesAsync(ct);
        return AppResult<int>.Ok(unread.Count);
    }

    private IQueryable<InternalMessage> Between(Guid me, Guid other) =>
        db.InternalMessages.Where(m => (m.FromUserId == me && m.ToUserId == other) || (m.FromUserId == other && m.ToUserId == me));

    /// <summary>Users are tenant-filtered: another tenant's user does not exist here.</summary>
    private Task<bool> ColleagueExistsAsync(Guid me, Guid userId, CancellationToken ct) =>
        userId != me ? db.Users.AnyAsync(u => u.Id == userId, ct) : Task.FromResult(false);

    /// <summary>Binds the unit of work to the actor's tenant; the actor's user id, or null when they may not chat.</summary>
    private Guid? Me(CurrentActor actor)
    {
        tenant.Set(actor.TenantId);
        return actor.ActorType == ParleyClaims.ActorUser && Guid.TryParse(actor.ActorId, out var id)
            && actor.Permissions.Contains(Permissions.AgentSelf)
            ? id
            : null;
    }

    private static AppError Refusal(CurrentActor actor) => actor.ActorType == ParleyClaims.ActorUser
        ? AppError.Forbidden(Permissions.AgentSelf)
        : AppError.Invalid("actor", "The internal chat is between people; API clients cannot take part.");
}
