using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Data.Tenancy;
using Parley.Domain.Security;
using Parley.Server.Api.Audit;
using Parley.Server.Audit;
using Parley.Server.Auth;

namespace Parley.Server.Application.Admin;

/// <summary>
/// The tenant's audit log for the console's <c>/admin/audit</c> (and the chain's verification for <c>/api/v1/audit/verify</c>):
/// entries newest first, filtered by actor, action and time range and windowed by the database; the actions that occur, for a
/// picker; and the hash chain recomputed from the first entry. Needs <c>audit.read</c>; only the actor's tenant is read.
/// </summary>
internal sealed class AuditLogAdmin(ParleyDbContext db, TenantContext tenant)
{
    private const int VerifyBatch = 1000;

    public async Task<AppResult<ListPage<AuditEntryDto>>> ListAsync(CurrentActor actor, AuditFilter filter, ListQuery query, CancellationToken ct)
    {
        if (tenant.Require(actor, Permissions.AuditRead) is { } refused)
        {
            return refused;
        }

        var entries = db.AuditEntries.AsNoTracking();
        if (filter.Actor?.Trim() is { Length: > 0 } who)
        {
            var lower = who.ToLowerInvariant();
            entries = entries.Where(e => e.ActorId == who || e.ActorName.ToLower().Contains(lower));
        }

        if (filter.Action?.Trim() is { Length: > 0 } action)
        {
            entries = entries.Where(e => e.Action == action);
        }

        if (filter.From is { } from)
        {
            entries = entries.Where(e => e.At >= from);
        }

        if (filter.To is { } to)
        {
            entries = entries.Where(e => e.At < to);
        }

        if (query.Needle is { } needle)
        {
            entries = entries.Where(e => e.Summary.ToLower().Contains(needle) || (e.TargetId != null && e.TargetId.Contains(needle)));
        }

        // Newest first unless the grid asks for the oldest first; the sequence is the chain's order.
        var sorted = entries.SortBy(e => e.Sequence, query.Sort != "sequence" || query.Descending);
        return AppResult<ListPage<AuditEntryDto>>.Ok(await sorted.ToListPageAsync(query, AuditEntryDto.From, ct));
    }

    /// <summary>The actions the tenant's log holds, for the action picker.</summary>
    public async Task<AppResult<IReadOnlyList<string>>> ActionsAsync(CurrentActor actor, CancellationToken ct)
    {
        if (tenant.Require(actor, Permissions.AuditRead) is { } refused)
        {
            return refused;
        }

        IReadOnlyList<string> actions = await db.AuditEntries.AsNoTracking().Select(e => e.Action).Distinct().OrderBy(a => a).ToListAsync(ct);
        return AppResult<IReadOnlyList<string>>.Ok(actions);
    }

    /// <summary>Recomputes the tenant's chain from its first entry: valid, how many entries verified, and where it first breaks.</summary>
    public async Task<AppResult<AuditVerification>> VerifyAsync(CurrentActor actor, CancellationToken ct)
    {
        if (tenant.Require(actor, Permissions.AuditRead) is { } refused)
        {
            return refused;
        }

        var previous = AuditChain.Genesis;
        var count = 0L;
        while (true)
        {
            var batch = await db.AuditEntries.AsNoTracking().Where(e => e.Sequence > count)
                .OrderBy(e => e.Sequence).Take(VerifyBatch).ToListAsync(ct);
            if (batch.Count == 0)
            {
                return AppResult<AuditVerification>.Ok(new AuditVerification(true, count, null, count == 0 ? null : previous));
            }

            foreach (var entry in batch)
            {
                count++;
                if (!AuditChain.Follows(entry, previous, count))
                {
                    return AppResult<AuditVerification>.Ok(new AuditVerification(false, count - 1, count, previous));
                }

                previous = entry.Hash;
            }
        }
    }
}
