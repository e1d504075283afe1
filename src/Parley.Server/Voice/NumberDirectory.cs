using System.Collections.Frozen;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Data.Entities.Voice;
using Parley.Voice.Numbers;

namespace Parley.Server.Voice;

/// <summary>
/// The numbers and trunks of every tenant, in memory for the SIP edge: one load answers every INVITE until a write on
/// this node invalidates it (<see cref="Invalidate"/>) or it ages out (<see cref="Lifetime"/>, so writes on other nodes
/// are seen within that time). Loads are single-flight.
/// </summary>
public sealed class NumberDirectory(IServiceScopeFactory scopes, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _loading = new(1, 1);
    private NumberDirectorySnapshot? _snapshot;
    private long _generation;

    /// <summary>Forgets the loaded numbers and trunks; the next INVITE loads them again.</summary>
    public void Invalidate() => Interlocked.Increment(ref _generation);

    internal NumberDirectorySnapshot? Current => Fresh(Volatile.Read(ref _snapshot));

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
        var trunks = await db.Set<SipTrunk>().IgnoreQueryFilters().AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        return new NumberDirectorySnapshot(
            numbers.ToFrozenDictionary(
                n => n.Number,
                n => new DirectoryNumber(n.Id, n.TenantId, n.Slug, Enum.Parse<InboundTargetKind>(n.TargetKind), n.TargetId),
                StringComparer.Ordinal),
            trunks.Select(t => new DirectoryTrunk(
                t.Id,
                t.TenantId,
                t.AllowedAddresses.Select(a => IPNetwork.Parse(a)).ToArray(),
                t.InboundUserName,
                t.InboundRealm,
                t.InboundHa1Md5,
                t.InboundHa1Sha256,
                new NumberingRule(t.CountryCode, t.NationalPrefix))).ToArray(),
            generation,
            expires);
    }
}
