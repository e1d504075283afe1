using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Domain.Tenants;
using Parley.Sip.Auth;

namespace Parley.Server.Sip;

/// <summary>
/// The registrar's credential store: the realm names the tenant (<c>{slug}.sip.parley</c>), the user name the
/// <see cref="Data.Entities.Sip.SipCredential"/> of that tenant. Only HA1 values leave the database; suspended tenants
/// and unknown realms have no users.
/// </summary>
internal sealed class TenantSipCredentialStore(IServiceScopeFactory scopes, SipRealms realms) : ISipCredentialStore
{
    public async ValueTask<SipCredential?> FindAsync(string realm, string username, CancellationToken cancellationToken)
    {
        if (realms.SlugOf(realm) is not { } slug)
        {
            return null;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
        var tenantId = await db.Tenants.AsNoTracking()
            .Where(t => t.Slug == slug && t.Status == TenantStatus.Active)
            .Select(t => (Guid?)t.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (tenantId is not { } id)
        {
            return null;
        }

        var row = await db.Set<Data.Entities.Sip.SipCredential>().IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.TenantId == id && c.SipUserName == username && c.Realm == realm)
            .Select(c => new { c.Ha1Md5, c.Ha1Sha256 })
            .FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : new SipCredential(id.ToString(), null, row.Ha1Md5, row.Ha1Sha256);
    }
}
