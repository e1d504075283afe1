using Microsoft.EntityFrameworkCore;
using Parley.Cluster.Routing.Ports;
using Parley.Data;

namespace Parley.Server.Tenants;

/// <summary>The routing grains' view of the tenants' time zone setting (<c>Tenants.TimeZone</c>).</summary>
internal sealed class EfTenantTimeZoneSource(IServiceScopeFactory scopes) : ITenantTimeZoneSource
{
    public async Task<string?> LoadTimeZoneAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
        return await db.Tenants.AsNoTracking().Where(t => t.Id == tenantId).Select(t => t.TimeZone).SingleOrDefaultAsync(cancellationToken);
    }
}
