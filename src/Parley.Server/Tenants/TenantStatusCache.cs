using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Domain.Tenants;

namespace Parley.Server.Tenants;

/// <summary>
/// Answers "may this tenant work right now?" on every authenticated request without a database round trip each
/// time: entries live for a few seconds, and this node forgets a tenant at once when it suspends or deletes it.
/// </summary>
public sealed class TenantStatusCache(IServiceScopeFactory scopes, TimeProvider time)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);
    private readonly ConcurrentDictionary<Guid, (TenantStatus? Status, DateTimeOffset Expires)> _entries = new();

    public async ValueTask<TenantStatus?> GetAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_entries.TryGetValue(tenantId, out var entry) && entry.Expires > now)
        {
            return entry.Status;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
        var status = await db.Tenants.Where(t => t.Id == tenantId).Select(t => (TenantStatus?)t.Status).SingleOrDefaultAsync(cancellationToken);
        _entries[tenantId] = (status, now + Lifetime);
        return status;
    }

    public void Forget(Guid tenantId) => _entries.TryRemove(tenantId, out _);
}
