using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Data.Entities.Voice;
using Parley.Data.Tenancy;
using Parley.Domain.Security;
using Parley.Server.Api.Trunks;
using Parley.Server.Audit;
using Parley.Server.Auth;
using Parley.Server.Sip;
using Parley.Server.Voice;

namespace Parley.Server.Application.Admin;

/// <summary>
/// SIP trunks for <c>/api/v1/trunks</c> and the console's <c>/admin/trunks</c>: list, read, create, update with the version read
/// (a different one is <see cref="AppErrorKind.Stale"/>), delete. Passwords are write-only (left out: kept). Needs
/// <c>trunks.read</c>/<c>trunks.write</c>; another tenant's trunk is not found. Every write reloads the SIP edge's directory.
/// </summary>
internal sealed class TrunkAdmin(
    ParleyDbContext db, TenantContext tenant, SipRealms realms, IDataProtectionProvider protection, NumberDirectory directory, AuditScope audit, TimeProvider time)
{
    public async Task<AppResult<ListPage<TrunkDto>>> ListAsync(CurrentActor actor, ListQuery query, CancellationToken ct)
    {
        if (tenant.Require(actor, Permissions.TrunksRead) is { } refused)
        {
            return refused;
        }

        var rows = db.Set<SipTrunk>().AsNoTracking();
        if (query.Needle is { } needle)
        {
            rows = rows.Where(t => t.Name.ToLower().Contains(needle) || (t.OutboundHost != null && t.OutboundHost.ToLower().Contains(needle)));
        }

        var sorted = query.Sort switch
        {
            "outboundHost" => rows.SortBy(t => t.OutboundHost, query.Descending).ThenBy(t => t.Name),
            "maxConcurrentCalls" => rows.SortBy(t => t.MaxConcurrentCalls, query.Descending).ThenBy(t => t.Name),
            _ => rows.SortBy(t => t.Name, query.Descending),
        };
        return AppResult<ListPage<TrunkDto>>.Ok(await sorted.ToListPageAsync(query, TrunkDto.From, ct));
    }

    public async Task<AppResult<TrunkDto>> GetAsync(CurrentActor actor, Guid id, CancellationToken ct)
    {
        if (tenant.Require(actor, Permissions.TrunksRead) is { } refused)
        {
            return refused;
        }

        return await db.Set<SipTrunk>().AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, ct) is { } trunk ? AppResult<TrunkDto>.Ok(TrunkDto.From(trunk)) : AppError.NotFound();
    }

    public async Task<AppResult<TrunkDto>> CreateAsync(CurrentActor actor, TrunkRequest request, CancellationToken ct)
    {
        if ((tenant.Require(actor, Permissions.TrunksWrite) ?? RequestChecks.Check(request)) is { } refused)
        {
            return refused;
        }

        var now = time.GetUtcNow();
        var trunk = new SipTrunk { Id = Guid.CreateVersion7(), TenantId = actor.TenantId, Name = "", CreatedAt = now, UpdatedAt = now };
        if (await ApplyAsync(request, trunk, ct) is { } invalid)
        {
            return invalid;
        }

        db.Set<SipTrunk>().Add(trunk);
        await SavedAsync(ct);
        audit.Target("trunk", trunk.Id).Describe($"created trunk '{trunk.Name}' ({trunk.AllowedAddresses.Count} address blocks)");
        return AppResult<TrunkDto>.Ok(TrunkDto.From(trunk));
    }

    /// <summary>Replaces the trunk if it is still at <paramref name="expectedVersion"/> (null: whatever it is now).</summary>
    public async Task<AppResult<TrunkDto>> UpdateAsync(CurrentActor actor, Guid id, long? expectedVersion, TrunkRequest request, CancellationToken ct)
    {
        if ((tenant.Require(actor, Permissions.TrunksWrite) ?? RequestChecks.Check(request)) is { } refused)
        {
            return refused;
        }

        var updated = await AdminWrites.UpdateAsync(
            db, db.Set<SipTrunk>(), t => t.Id == id, expectedVersion, t =>
            {
                t.UpdatedAt = time.GetUtcNow();
                return ApplyAsync(request, t, ct);
            },
            _ => SavedAsync(ct), ct);
        return updated.Then(t => audit.Target("trunk", t.Id).Describe($"updated trunk '{t.Name}'"), TrunkDto.From);
    }

    public async Task<AppResult<Done>> DeleteAsync(CurrentActor actor, Guid id, CancellationToken ct)
    {
        if (tenant.Require(actor, Permissions.TrunksWrite) is { } refused)
        {
            return refused;
        }

        var deleted = await AdminWrites.DeleteAsync(db, db.Set<SipTrunk>(), t => t.Id == id, _ => Task.FromResult<AppError?>(null), _ => SavedAsync(ct), ct);
        return deleted.Then(t => audit.Target("trunk", id).Describe($"deleted trunk '{t.Name}'"));
    }

    private async Task<AppError?> ApplyAsync(TrunkRequest request, SipTrunk trunk, CancellationToken ct) =>
        ProblemErrors.From(await TrunkRequestRules.ApplyAsync(request, trunk, db, realms, protection, ct));

    private async Task SavedAsync(CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        directory.Invalidate();
    }
}
