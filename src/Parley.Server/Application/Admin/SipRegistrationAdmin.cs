using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Data.Entities.Sip;
using Parley.Data.Tenancy;
using Parley.Domain.Security;
using Parley.Server.Api.SipRegistrations;
using Parley.Server.Audit;
using Parley.Server.Auth;

namespace Parley.Server.Application.Admin;

/// <summary>
/// The tenant's live SIP registrations (what the registrar acknowledged and has not expired) for <c>/api/v1/sip/registrations</c>
/// and the console's <c>/admin/sip-accounts</c>; <c>sip-registrations.read</c> to list, <c>sip-credentials.write</c> to remove a
/// stale one. Another tenant's registration is not found.
/// </summary>
internal sealed class SipRegistrationAdmin(ParleyDbContext db, TenantContext tenant, AuditScope audit, TimeProvider time)
{
    /// <summary>The live registrations: <see cref="ListQuery.Filter"/> matches the AOR, contact or user agent; <paramref name="userId"/> and <paramref name="aor"/> narrow.</summary>
    public async Task<AppResult<ListPage<SipRegistrationDto>>> ListAsync(CurrentActor actor, ListQuery query, Guid? userId, string? aor, CancellationToken ct)
    {
        if (tenant.Require(actor, Permissions.SipRegistrationsRead) is { } refused)
        {
            return refused;
        }

        var now = time.GetUtcNow();
        var rows = db.Set<SipRegistration>().AsNoTracking().Where(r => r.ExpiresAt > now);
        if (userId is { } user)
        {
            rows = rows.Where(r => r.UserId == user);
        }

        if (!string.IsNullOrEmpty(aor))
        {
            rows = rows.Where(r => r.Aor == aor);
        }

        if (query.Needle is { } needle)
        {
            rows = rows.Where(r => r.Aor.ToLower().Contains(needle) || r.ContactUri.ToLower().Contains(needle) || (r.UserAgent != null && r.UserAgent.ToLower().Contains(needle)));
        }

        var sorted = query.Sort switch
        {
            "expiresAt" => rows.SortBy(r => r.ExpiresAt, query.Descending).ThenBy(r => r.Id),
            "userAgent" => rows.SortBy(r => r.UserAgent, query.Descending).ThenBy(r => r.Id),
            _ => rows.SortBy(r => r.Aor, query.Descending).ThenBy(r => r.Id),
        };
        return AppResult<ListPage<SipRegistrationDto>>.Ok(await sorted.ToListPageAsync(query, SipRegistrationDto.From, ct));
    }

    public async Task<AppResult<Done>> RemoveAsync(CurrentActor actor, Guid id, CancellationToken ct)
    {
        if (tenant.Require(actor, Permissions.SipCredentialsWrite) is { } refused)
        {
            return refused;
        }

        var removed = await AdminWrites.DeleteAsync(db, db.Set<SipRegistration>(), r => r.Id == id, _ => Task.FromResult<AppError?>(null), _ => db.SaveChangesAsync(ct), ct);
        return removed.Then(r => audit.Target("sip-registration", r.Id).Describe($"removed the SIP registration of '{r.Aor}' at '{r.ContactUri}'"));
    }
}
