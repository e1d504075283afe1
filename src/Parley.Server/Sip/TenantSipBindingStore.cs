using System.Net;
using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Data.Entities.Sip;
using Parley.Data.Tenancy;
using Parley.Domain.Tenants;
using Parley.Server.Voice.Calls;
using Parley.Sip.Registrar;

namespace Parley.Server.Sip;

/// <summary>
/// The registrar's bindings in the database (<see cref="SipRegistration"/>), so acknowledged registrations survive
/// restarts and every node sees them. The AOR's domain names the tenant (<c>{slug}.sip.parley</c>); the unit of work
/// runs as that tenant, so the tenant query filter and the cross-tenant write guard apply. Suspended tenants, unknown
/// domains and an AOR outside the authenticated tenant's domain have no bindings and cannot get any.
/// </summary>
internal sealed class TenantSipBindingStore(
    IServiceScopeFactory scopes, SipRealms realms, TimeProvider time, AgentPhonePresence phones, Extensions.ClusterTopology topology) : ISipBindingStore
{
    /// <summary>
    /// In a cluster: a PostgreSQL advisory lock on the address of record, held by a transaction of its own until
    /// disposed, so the nodes take turns on one address of record (one node alone is covered by the registrar's lock).
    /// </summary>
    public async ValueTask<IAsyncDisposable> LockAsync(string aor, CancellationToken cancellationToken)
    {
        if (topology.AdoNet is null)
        {
            return SipBindingLock.None;
        }

        var scope = scopes.CreateAsyncScope();
        try
        {
            var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
            var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({aor}, 0))", cancellationToken);
            return new AorClusterLock(scope, transaction);
        }
        catch
        {
            await scope.DisposeAsync();
            throw;
        }
    }

    public async ValueTask<IReadOnlyList<SipBinding>> LoadAsync(string aor, string? tenantId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        if (await EnterTenantAsync(scope, aor, tenantId, cancellationToken) is not { } db)
        {
            return [];
        }

        var rows = await db.Set<SipRegistration>().AsNoTracking().Where(r => r.Aor == aor).ToListAsync(cancellationToken);
        return [.. rows.Select(ToBinding)];
    }

    public async ValueTask ReplaceAsync(string aor, string? tenantId, IReadOnlyList<SipBinding> bindings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bindings);
        await using var scope = scopes.CreateAsyncScope();
        var db = await EnterTenantAsync(scope, aor, tenantId, cancellationToken)
            ?? throw new InvalidOperationException($"No active tenant owns the address of record '{aor}'.");
        var rows = await db.Set<SipRegistration>().Where(r => r.Aor == aor).ToListAsync(cancellationToken);
        var userIds = await UserIdsAsync(db, bindings, cancellationToken);
        var now = time.GetUtcNow();
        var wasLive = rows.Any(r => r.ExpiresAt > now);
        foreach (var row in rows.Where(r => !bindings.Any(b => SameContact(b.Contact, r.ContactUri))))
        {
            db.Remove(row);
        }

        foreach (var binding in bindings)
        {
            var row = rows.Find(r => SameContact(r.ContactUri, binding.Contact));

            // The set is written whole on every REGISTER; only the binding that REGISTER made or refreshed is newer.
            // AgentPhones rings the newest one, so a phone that died without unregistering must not look as new as its
            // restarted successor (it would take the call and ring out).
            var refreshed = row is null || row.CallId != binding.CallId || row.CSeq != binding.CSeq || row.ExpiresAt != binding.ExpiresAt;
            if (row is null)
            {
                row = new SipRegistration
                {
                    Id = Guid.CreateVersion7(),
                    TenantId = db.CurrentTenantId!.Value,
                    Aor = aor,
                    ContactUri = binding.Contact,
                    CallId = binding.CallId,
                    SourceAddress = binding.Source.Address.ToString(),
                    Transport = binding.Transport,
                    CreatedAt = now,
                };
                db.Add(row);
            }

            row.ContactUri = binding.Contact;
            row.ExpiresAt = binding.ExpiresAt;
            row.CallId = binding.CallId;
            row.CSeq = binding.CSeq;
            row.SourceAddress = binding.Source.Address.ToString();
            row.SourcePort = binding.Source.Port;
            row.Transport = binding.Transport;
            row.UserAgent = binding.UserAgent is { } agent ? agent[..Math.Min(agent.Length, 256)] : row.UserAgent;
            row.Path = SipRegistrationPath.Join(binding.Path);
            row.UserId = binding.User is { } user && userIds.TryGetValue(user, out var userId) ? userId : row.UserId;
            if (refreshed)
            {
                row.UpdatedAt = now;
            }
        }

        // One SaveChanges, one transaction: the whole set is written or none of it.
        await db.SaveChangesAsync(cancellationToken);
        if (wasLive != bindings.Any(b => b.ExpiresAt > now) && AgentPhoneReach.UserOf(aor) is { } phoneUser)
        {
            // The agent's phone came online or went away: routing offers them voice, or stops.
            await phones.ChangedAsync(db.CurrentTenantId!.Value, [phoneUser], cancellationToken);
        }
    }

    public async ValueTask<int> RemoveExpiredAsync(DateTimeOffset now, int maxCount, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();

        // The sweep works for every tenant, so it alone bypasses the tenant filter.
        var expired = await db.Set<SipRegistration>().IgnoreQueryFilters()
            .Where(r => r.ExpiresAt <= now)
            .OrderBy(r => r.ExpiresAt)
            .Select(r => new { r.Id, r.TenantId, r.Aor })
            .Take(maxCount)
            .ToListAsync(cancellationToken);
        if (expired.Count == 0)
        {
            return 0;
        }

        var ids = expired.Select(e => e.Id).ToList();
        var removed = await db.Set<SipRegistration>().IgnoreQueryFilters().Where(r => ids.Contains(r.Id) && r.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
        foreach (var tenant in expired.GroupBy(e => e.TenantId))
        {
            await phones.ChangedAsync(tenant.Key, [.. tenant.Select(e => AgentPhoneReach.UserOf(e.Aor)).OfType<string>().Distinct()], cancellationToken);
        }

        return removed;
    }

    /// <summary>
    /// The context of the active tenant owning <paramref name="aor"/>'s domain, with the unit of work set to it; null when
    /// no active tenant owns it or it is not the authenticated tenant's.
    /// </summary>
    private async Task<ParleyDbContext?> EnterTenantAsync(AsyncServiceScope scope, string aor, string? tenantId, CancellationToken cancellationToken)
    {
        var at = aor.LastIndexOf('@');
        if (at < 0 || realms.SlugOf(aor[(at + 1)..]) is not { } slug)
        {
            return null;
        }

        var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
        var owner = await db.Tenants.AsNoTracking()
            .Where(t => t.Slug == slug && t.Status == TenantStatus.Active)
            .Select(t => (Guid?)t.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (owner is not { } id || (tenantId is not null && !string.Equals(tenantId, id.ToString(), StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(id);
        return db;
    }

    private static async Task<Dictionary<string, Guid>> UserIdsAsync(ParleyDbContext db, IReadOnlyList<SipBinding> bindings, CancellationToken cancellationToken)
    {
        var names = bindings.Select(b => b.User).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        return names.Count == 0
            ? []
            : await db.Set<SipCredential>().AsNoTracking()
                .Where(c => names.Contains(c.SipUserName))
                .ToDictionaryAsync(c => c.SipUserName, c => c.UserId, StringComparer.OrdinalIgnoreCase, cancellationToken);
    }

    private static SipBinding ToBinding(SipRegistration row) =>
        new(row.Aor, row.ContactUri, row.TenantId.ToString(), row.ExpiresAt, row.CallId, row.CSeq, new IPEndPoint(IPAddress.Parse(row.SourceAddress), row.SourcePort), row.Transport)
        {
            UserAgent = row.UserAgent,
            Path = SipRegistrationPath.Split(row.Path),
        };

    private static bool SameContact(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    /// <summary>Ends the lock's transaction (which releases the advisory lock) and its scope.</summary>
    private sealed class AorClusterLock(AsyncServiceScope scope, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await transaction.DisposeAsync();
            await scope.DisposeAsync();
        }
    }
}
