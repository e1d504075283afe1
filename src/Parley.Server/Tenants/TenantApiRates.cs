using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Parley.Data;

namespace Parley.Server.Tenants;

/// <summary>
/// The API rate of each tenant's plan (requests per minute, null = no plan limit), read from the database at most every
/// <see cref="Lifetime"/> per node; the node that saves a plan forgets its entry at once.
/// </summary>
internal sealed class TenantApiRates(IServiceScopeFactory scopes, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    /// <summary>Where the rate of the request's tenant is left for the rate limiter (which cannot wait for the database).</summary>
    public const string ItemKey = "parley.plan.api-rate";

    private readonly ConcurrentDictionary<Guid, (int? PerMinute, DateTimeOffset ReadAt)> _rates = new();

    public async ValueTask<int?> GetAsync(Guid tenantId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (_rates.TryGetValue(tenantId, out var cached) && now - cached.ReadAt < Lifetime)
        {
            return cached.PerMinute;
        }

        await using var scope = scopes.CreateAsyncScope();
        var perMinute = await scope.ServiceProvider.GetRequiredService<ParleyDbContext>().Tenants.AsNoTracking()
            .Where(t => t.Id == tenantId).Select(t => t.Plan.ApiRequestsPerMinute).SingleOrDefaultAsync(ct);
        _rates[tenantId] = (perMinute, now);
        return perMinute;
    }

    public void Forget(Guid tenantId) => _rates.TryRemove(tenantId, out _);
}
