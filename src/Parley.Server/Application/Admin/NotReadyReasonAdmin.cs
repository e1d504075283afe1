using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Data.Entities.Acd;
using Parley.Data.Tenancy;
using Parley.Domain.Security;
using Parley.Server.Api.NotReadyReasons;
using Parley.Server.Audit;
using Parley.Server.Auth;

namespace Parley.Server.Application.Admin;

/// <summary>
/// Not-ready reasons for <c>/api/v1/not-ready-reasons</c> and the console's <c>/admin/not-ready-reasons</c>: list (filtered,
/// sorted, windowed by the database), read, create, update with the version read, delete. Needs <c>agents.read</c> /
/// <c>agents.write</c>; another tenant's reason is not found.
/// </summary>
internal sealed class NotReadyReasonAdmin(ParleyDbContext db, TenantContext tenant, AuditScope audit, TimeProvider time)
{
    public async Task<AppResult<ListPage<NotReadyReasonDto>>> ListAsync(CurrentActor actor, ListQuery query, CancellationToken ct)
    {
        if (tenant.Require(actor, Permissions.AgentsRead) is { } refused)
        {
            return refused;
        }

        var rows = db.NotReadyReasons.AsNoTracking();
        if (query.Needle is { } needle)
        {
            rows = rows.Where(r => r.Code.Contains(needle) || r.Name.ToLower().Contains(needle));
        }

        var sorted = query.Sort == "name" ? rows.SortBy(r => r.Name, query.Descending).ThenBy(r => r.Code) : rows.SortBy(r => r.Code, query.Descending);
        return AppResult<ListPage<NotReadyReasonDto>>.Ok(await sorted.ToListPageAsync(query, NotReadyReasonDto.From, ct));
    }

    public async Task<AppResult<NotReadyReasonDto>> GetAsync(CurrentActor actor, Guid id, CancellationToken ct)
    {
        if (tenant.Require(actor, Permissions.AgentsRead) is { } refused)
        {
            return refused;
        }

        return await db.NotReadyReasons.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct) is { } reason
            ? AppResult<NotReadyReasonDto>.Ok(NotReadyReasonDto.From(reason))
            : AppError.NotFound();
    }

    public async Task<AppResult<NotReadyReasonDto>> CreateAsync(CurrentActor actor, NotReadyReasonRequest request, CancellationToken ct)
    {
        if ((tenant.Require(actor, Permissions.AgentsWrite) ?? RequestChecks.Check(request)) is { } refused)
        {
            return refused;
        }

        var reason = new NotReadyReason { Id = Guid.CreateVersion7(), TenantId = actor.TenantId, Code = request.Code, Name = request.Name, CreatedAt = time.GetUtcNow() };
        if (await ApplyAsync(request, reason, ct) is { } invalid)
        {
            return invalid;
        }

        db.NotReadyReasons.Add(reason);
        await db.SaveChangesAsync(ct);
        audit.Target("not-ready-reason", reason.Id).Describe($"created not-ready reason '{reason.Code}'");
        return AppResult<NotReadyReasonDto>.Ok(NotReadyReasonDto.From(reason));
    }

    /// <summary>Replaces the reason if it is still at <paramref name="expectedVersion"/> (null: whatever it is now).</summary>
    public async Task<AppResult<NotReadyReasonDto>> UpdateAsync(CurrentActor actor, Guid id, long? expectedVersion, NotReadyReasonRequest request, CancellationToken ct)
    {
        if ((tenant.Require(actor, Permissions.AgentsWrite) ?? RequestChecks.Check(request)) is { } refused)
        {
            return refused;
        }

        var updated = await AdminWrites.UpdateAsync(db, db.NotReadyReasons, r => r.Id == id, expectedVersion, r => ApplyAsync(request, r, ct), _ => db.SaveChangesAsync(ct), ct);
        return updated.Then(r => audit.Target("not-ready-reason", r.Id).Describe($"updated not-ready reason '{r.Code}'"), NotReadyReasonDto.From);
    }

    public async Task<AppResult<Done>> DeleteAsync(CurrentActor actor, Guid id, CancellationToken ct)
    {
        if (tenant.Require(actor, Permissions.AgentsWrite) is { } refused)
        {
            return refused;
        }

        var deleted = await AdminWrites.DeleteAsync(db, db.NotReadyReasons, r => r.Id == id, _ => Task.FromResult<AppError?>(null), _ => db.SaveChangesAsync(ct), ct);
        return deleted.Then(r => audit.Target("not-ready-reason", id).Describe($"deleted not-ready reason '{r.Code}'"));
    }

    private async Task<AppError?> ApplyAsync(NotReadyReasonRequest request, NotReadyReason reason, CancellationToken ct)
    {
        if (await db.NotReadyReasons.AnyAsync(r => r.Code == request.Code && r.Id != reason.Id, ct))
        {
            return AppError.Conflict($"A reason with code '{request.Code}' exists already.");
        }

        reason.Code = request.Code;
        reason.Name = request.Name;
        return null;
    }
}
