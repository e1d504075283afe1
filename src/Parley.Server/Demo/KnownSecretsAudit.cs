using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using Parley.Data;
using Parley.Data.Entities;
using Parley.Data.Entities.Sip;
using Parley.Domain.Tenants;
using Parley.Server.Sip;

namespace Parley.Server.Demo;

/// <summary>
/// Finds the accounts of the demo and platform tenants that still hold a secret published in Parley's documentation —
/// a data directory seeded in demo mode by an earlier version, or with documented secrets set on loopback — so the
/// server can refuse to expose them off loopback, with or without <c>--demo</c>. Users and the demo API client are
/// checked when HTTP is exposed (a few PBKDF2 verifications, in parallel), SIP credentials when SIP is.
/// </summary>
internal sealed class KnownSecretsAudit(ParleyDbContext db, IPasswordHasher<ParleyUser> hasher, IOpenIddictApplicationManager applications)
{
    /// <returns>The accounts found, e.g. <c>demo/admin</c>, <c>API client demo-api</c>, <c>SIP agent1@demo.sip.parley</c>.</returns>
    public async Task<IReadOnlyList<string>> FindAsync(bool httpExposed, bool sipExposed, CancellationToken cancellationToken)
    {
        var tenants = await db.Tenants
            .Where(t => (t.Slug == DemoSeeder.TenantSlug || t.Slug == TenantSlug.Platform) && t.Status == TenantStatus.Active)
            .Select(t => new { t.Id, t.Slug })
            .ToDictionaryAsync(t => t.Id, t => t.Slug, cancellationToken);
        var found = new List<string>();
        if (tenants.Count == 0)
        {
            return found;
        }

        if (httpExposed)
        {
            var users = await db.Users.IgnoreQueryFilters().Where(u => tenants.Keys.Contains(u.TenantId) && u.PasswordHash != null).ToListAsync(cancellationToken);
            var matches = await Task.WhenAll(users.Select(u => Task.Run(() => HoldsDocumentedPassword(u, tenants[u.TenantId]), cancellationToken)));
            found.AddRange(users.Where((_, i) => matches[i]).Select(u => $"{tenants[u.TenantId]}/{u.UserName}"));
            if (await applications.FindByClientIdAsync(DemoSeeder.ApiClientId, cancellationToken) is { } client
                && await applications.ValidateClientSecretAsync(client, DocumentedSecrets.ApiClientSecret, cancellationToken))
            {
                found.Add($"API client {DemoSeeder.ApiClientId}");
            }
        }

        if (sipExposed)
        {
            var credentials = await db.Set<SipCredential>().IgnoreQueryFilters().Where(c => tenants.Keys.Contains(c.TenantId)).ToListAsync(cancellationToken);
            found.AddRange(credentials
                .Where(c => DocumentedSecrets.All.Any(secret => SipHa1.Md5(c.SipUserName, c.Realm, secret) == c.Ha1Md5))
                .Select(c => $"SIP {c.SipUserName}@{c.Realm}"));
        }

        return found.Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Checks the password documented for that account (one PBKDF2 each, not the whole list).</summary>
    private bool HoldsDocumentedPassword(ParleyUser user, string tenant)
    {
        var documented = tenant == TenantSlug.Platform ? DocumentedSecrets.OperatorPassword
            : user.UserName switch
            {
                "admin" => DocumentedSecrets.AdminPassword,
                "supervisor" => DocumentedSecrets.SupervisorPassword,
                _ => DocumentedSecrets.AgentPassword,
            };
        return hasher.VerifyHashedPassword(user, user.PasswordHash!, documented) != PasswordVerificationResult.Failed;
    }
}
