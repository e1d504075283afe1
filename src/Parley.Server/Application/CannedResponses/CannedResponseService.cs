using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Data.Entities.Workspace;
using Parley.Data.Tenancy;
using Parley.Domain.Security;
using Parley.Server.Application.Admin;
using Parley.Server.Audit;
using Parley.Server.Auth;

namespace Parley.Server.Application.CannedResponses;

/// <summary>
/// Canned responses for the REST API (<c>/api/v1/canned-responses</c>) and the workspace. A person sees the tenant's
/// responses and their own personal ones; another person's personal response is "not found". Tenant responses are
/// changed with <c>tenant.settings.write</c> (tenant administrators), personal ones by their owner (a user holding
/// <c>agent.self</c> or <c>tenant.settings.write</c>). Writes describe themselves on the scope's <see cref="AuditScope"/>.
/// </summary>
public sealed class CannedResponseService(ParleyDbContext db, TenantContext tenant, AuditScope audit, TimeProvider time)
{
    /// <summary>The tenant's and the actor's own responses (or only one <paramref name="scope"/>), by shortcut.</summary>
    public async Task<AppResult<IReadOnlyList<CannedResponseView>>> ListAsync(CurrentActor actor, string? scope, CancellationToken ct)
    {
        if (Reader(actor) is { } refused)
        {
            return refused;
        }

        if (scope is not null && !CannedResponseScopes.IsKnown(scope))
        {
            return AppError.Invalid("scope", "Scope is 'tenant' or 'personal'.");
        }

        var user = UserOf(actor);
        var rows = db.CannedResponses.AsNoTracking().Where(r => r.OwnerUserId == null || (user != null && r.OwnerUserId == user));
        rows = scope switch
        {
            CannedResponseScopes.Tenant => rows.Where(r => r.OwnerUserId == null),
            CannedResponseScopes.Personal => rows.Where(r => r.OwnerUserId != null),
            _ => rows,
        };
        var list = await rows.OrderBy(r => r.Shortcut).ThenBy(r => r.OwnerUserId == null).ToListAsync(ct);
        return AppResult<IReadOnlyList<CannedResponseView>>.Ok(list.Select(CannedResponseView.From).ToArray());
    }

    /// <summary>
    /// One page of the tenant's responses for the admin console: <see cref="ListQuery.Filter"/> matches the shortcut, title or
    /// text; sorted by <c>shortcut</c> (the default) or <c>title</c>. Personal responses are their owners' and never listed here.
    /// </summary>
    public async Task<AppResult<ListPage<CannedResponseView>>> PageAsync(CurrentActor actor, ListQuery query, CancellationToken ct)
    {
        if (Reader(actor) is { } refused)
        {
            return refused;
        }

        var rows = db.CannedResponses.AsNoTracking().Where(r => r.OwnerUserId == null);
        if (query.Needle is { } needle)
        {
            rows = rows.Where(r => r.Shortcut.Contains(needle) || r.Title.ToLower().Contains(needle) || r.Text.ToLower().Contains(needle));
        }

        var sorted = query.Sort == "title" ? rows.SortBy(r => r.Title, query.Descending).ThenBy(r => r.Shortcut) : rows.SortBy(r => r.Shortcut, query.Descending);
        return AppResult<ListPage<CannedResponseView>>.Ok(await sorted.ToListPageAsync(query, CannedResponseView.From, ct));
    }

    public async Task<AppResult<CannedResponseView>> GetAsync(CurrentActor actor, Guid id, CancellationToken ct)
    {
        if (Reader(actor) is { } refused)
        {
            return refused;
        }

        return await VisibleAsync(actor, id, tracked: false, ct) is { } row ? AppResult<CannedResponseView>.Ok(CannedResponseView.From(row)) : AppError.NotFound();
    }

    public async Task<AppResult<CannedResponseView>> CreateAsync(CurrentActor actor, CannedResponseInput input, CancellationToken ct)
    {
        if (Reader(actor) is { } refused)
        {
            return refused;
        }

        var personal = (input.Scope ?? CannedResponseScopes.Personal) == CannedResponseScopes.Personal;
        if (CannedResponseRules.Check(input) is { } invalid)
        {
            return invalid;
        }

        if (Writer(actor, personal) is { } forbidden)
        {
            return forbidden;
        }

        var owner = personal ? UserOf(actor) : null;
        var count = await db.CannedResponses.CountAsync(r => r.OwnerUserId == owner, ct);
        var limit = personal ? CannedResponseRules.MaxPersonal : CannedResponseRules.MaxPerTenant;
        if (count >= limit)
        {
            return AppError.Conflict($"At most {limit} {(personal ? "personal" : "tenant")} canned responses may be kept; delete one first.");
        }

        var row = new CannedResponse
        {
            Id = Guid.CreateVersion7(),
            TenantId = actor.TenantId,
            OwnerUserId = owner,
            Shortcut = input.Shortcut,
            Title = input.Title,
            Text = input.Text,
            CreatedAt = time.GetUtcNow(),
        };
        if (await ApplyAsync(input, row, ct) is { } conflict)
        {
            return conflict;
        }

        db.CannedResponses.Add(row);
        await db.SaveChangesAsync(ct);
        audit.Target("canned-response", row.Id).Describe($"created {Describe(row)}");
        return AppResult<CannedResponseView>.Ok(CannedResponseView.From(row));
    }

    /// <summary>Replaces the response's fields (not its scope) if it is still at <paramref name="expectedVersion"/>.</summary>
    public async Task<AppResult<CannedResponseView>> UpdateAsync(CurrentActor actor, Guid id, CannedResponseInput input, long? expectedVersion, CancellationToken ct)
    {
        if (Reader(actor) is { } refused)
        {
            return refused;
        }

        if (await VisibleAsync(actor, id, tracked: true, ct) is not { } row)
        {
            return AppError.NotFound();
        }

        if (Writer(actor, row.OwnerUserId is not null) is { } forbidden)
        {
            return forbidden;
        }

        if (expectedVersion is { } version && version != row.Version)
        {
            return AppError.Stale();
        }

        if (CannedResponseRules.Check(input with { Scope = CannedResponseView.From(row).Scope }) is { } invalid)
        {
            return invalid;
        }

        if (await ApplyAsync(input, row, ct) is { } conflict)
        {
            return conflict;
        }

        await db.SaveChangesAsync(ct);
        audit.Target("canned-response", row.Id).Describe($"updated {Describe(row)}");
        return AppResult<CannedResponseView>.Ok(CannedResponseView.From(row));
    }

    public async Task<AppResult<Done>> DeleteAsync(CurrentActor actor, Guid id, CancellationToken ct)
    {
        if (Reader(actor) is { } refused)
        {
            return refused;
        }

        if (await VisibleAsync(actor, id, tracked: true, ct) is not { } row)
        {
            return AppError.NotFound();
        }

        if (Writer(actor, row.OwnerUserId is not null) is { } forbidden)
        {
            return forbidden;
        }

        db.CannedResponses.Remove(row);
        await db.SaveChangesAsync(ct);
        audit.Target("canned-response", row.Id).Describe($"deleted {Describe(row)}");
        return AppResult<Done>.Ok(Done.Value);
    }

    private async Task<AppError?> ApplyAsync(CannedResponseInput input, CannedResponse row, CancellationToken ct)
    {
        if (await db.CannedResponses.AnyAsync(r => r.OwnerUserId == row.OwnerUserId && r.Shortcut == input.Shortcut && r.Id != row.Id, ct))
        {
            return AppError.Conflict($"A canned response with shortcut '/{input.Shortcut}' exists already.");
        }

        row.Shortcut = input.Shortcut;
        row.Title = input.Title.Trim();
        row.Text = input.Text;
        row.Language = input.Language;
        row.Tags = [.. (input.Tags ?? []).Select(t => t.Trim()).Distinct(StringComparer.OrdinalIgnoreCase)];
        return null;
    }

    private async Task<CannedResponse?> VisibleAsync(CurrentActor actor, Guid id, bool tracked, CancellationToken ct)
    {
        var user = UserOf(actor);
        var rows = tracked ? db.CannedResponses : db.CannedResponses.AsNoTracking();
        return await rows.SingleOrDefaultAsync(r => r.Id == id && (r.OwnerUserId == null || (user != null && r.OwnerUserId == user)), ct);
    }

    /// <summary>Binds the unit of work to the actor's tenant; refuses actors who may neither use nor keep responses.</summary>
    private AppError? Reader(CurrentActor actor)
    {
        tenant.Set(actor.TenantId);
        return actor.Permissions.Contains(Permissions.AgentSelf) || actor.Permissions.Contains(Permissions.TenantSettingsWrite)
            ? null
            : AppError.Forbidden(Permissions.AgentSelf);
    }

    private static AppError? Writer(CurrentActor actor, bool personal) => personal
        ? UserOf(actor) is null ? AppError.Invalid("scope", "Only a person has personal canned responses.") : null
        : actor.Permissions.Contains(Permissions.TenantSettingsWrite) ? null : AppError.Forbidden(Permissions.TenantSettingsWrite);

    private static Guid? UserOf(CurrentActor actor) =>
        actor.ActorType == ParleyClaims.ActorUser && Guid.TryParse(actor.ActorId, out var id) ? id : null;

    private static string Describe(CannedResponse row) =>
        $"{(row.OwnerUserId is null ? "tenant" : "personal")} canned response '/{row.Shortcut}'";
}
