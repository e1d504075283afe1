using System.Collections.Frozen;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Data.Entities.Voice;
using Parley.Server.Sip;
using Parley.Sip.Admission;
using Parley.Voice.Numbers;

namespace Parley.Server.Voice;

/// <summary>
/// The numbers and trunks of every tenant, in memory for the SIP edge: one load answers every INVITE until a write on
/// this node invalidates it (<see cref="Invalidate"/>) or it ages out (<see cref="Lifetime"/>, so writes on other nodes
/// are seen within that time). Loads are single-flight.
/// </summary>
public sealed class NumberDirectory(IServiceScopeFactory scopes, TimeProvider time, ILogger<NumberDirectory> logger)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _loading = new(1, 1);
    private NumberDirectorySnapshot? _snapshot;
    private long _generation;

    /// <summary>Forgets the loaded numbers and trunks; the next INVITE loads them again.</summary>
    public void Invalidate() => Interlocked.Increment(ref _generation);

    internal NumberDirectorySnapshot? Current => Fresh(Volatile.Read(ref _snapshot));

    /// <summary>
    /// For admission control, which must not wait: the loaded snapshot even when stale (null before the first load);
    /// when it is stale or missing a reload starts in the background, so the next INVITEs see the change.
    /// </summary>
    internal NumberDirectorySnapshot? Latest
    {
        get
        {
            var snapshot = Volatile.Read(ref _snapshot);
            if (Fresh(snapshot) is null && _loading.CurrentCount > 0)
            {
                _ = ReloadAsync();
            }

            return snapshot;
        }
    }

    internal async ValueTask<NumberDirectorySnapshot> GetAsync(CancellationToken cancellationToken)
    {
        if (Current is { } current)
        {
            return current;
        }

        await _loading.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Current is { } loaded)
            {
                return loaded;
            }

            var snapshot = await LoadAsync(cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _snapshot, snapshot);
            return snapshot;
        }
        finally
        {
            _loading.Release();
        }
    }

    private static DirectoryTrunk ToDirectory(SipTrunk t, string tenantSlug) => new(
        t.Id,
        t.TenantId,
        tenantSlug,
        t.AllowedAddresses.Select(a => IPNetwork.Parse(a)).ToArray(),
        t.InboundUserName,
        t.InboundRealm,
        t.InboundHa1Md5,
        t.InboundHa1Sha256,
        new NumberingRule(t.CountryCode, t.NationalPrefix),
        LimitOf(t));

    private async Task ReloadAsync()
    {
        try
        {
            await GetAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            SipHostLog.DirectoryReloadFailed(logger, ex);
        }
    }

    /// <summary>The trunk's own admission limit; null when it sets neither part (the configured per-trunk default applies).</summary>
    private static SipAdmissionLimit? LimitOf(SipTrunk trunk) =>
        trunk.MaxCallsPerSecond <= 0 && trunk.MaxConcurrentCalls <= 0
            ? null
            : new SipAdmissionLimit { CallsPerSecond = Math.Max(0, trunk.MaxCallsPerSecond), MaxConcurrentCalls = Math.Max(0, trunk.MaxConcurrentCalls) };

    private NumberDirectorySnapshot? Fresh(NumberDirectorySnapshot? snapshot) =>
        snapshot is not null && snapshot.Generation == Interlocked.Read(ref _generation) && snapshot.Expires > time.GetUtcNow() ? snapshot : null;

    private async Task<NumberDirectorySnapshot> LoadAsync(CancellationToken cancellationToken)
    {
        var generation = Interlocked.Read(ref _generation);
        var expires = time.GetUtcNow() + Lifetime;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
        var numbers = await db.Set<PhoneNumber>().IgnoreQueryFilters().AsNoTracking()
            .Join(db.Tenants, n => n.TenantId, t => t.Id, (n, t) => new { n.Id, n.Number, n.TenantId, t.Slug, n.TargetKind, n.TargetId })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var trunks = await db.Set<SipTrunk>().IgnoreQueryFilters().AsNoTracking()
            .Join(db.Tenants, k => k.TenantId, t => t.Id, (k, t) => new { Trunk = k, t.Slug })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var callCaps = await db.Tenants.AsNoTracking().Where(t => t.Plan.MaxConcurrentCalls != null)
            .Select(t => new { t.Slug, Cap = t.Plan.MaxConcurrentCalls!.Value })
            .ToDictionaryAsync(t => t.Slug, t => t.Cap, StringComparer.Ordinal, cancellationToken).ConfigureAwait(false);
        return new NumberDirectorySnapshot(
            numbers.ToFrozenDictionary(
                n => n.Number,
                n => new DirectoryNumber(n.Id, n.TenantId, n.Slug, Enum.Parse<InboundTargetKind>(n.TargetKind), n.TargetId),
                StringComparer.Ordinal),
            trunks.Select(row => ToDirectory(row.Trunk, row.Slug)).ToArray(),
            generation,
            expires,
            callCaps);
    }
}
