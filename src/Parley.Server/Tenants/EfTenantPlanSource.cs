using Microsoft.EntityFrameworkCore;
using Parley.Cluster.Routing.Ports;
using Parley.Cluster.Routing.Seats;
using Parley.Data;

namespace Parley.Server.Tenants;

/// <summary>The routing grains' view of the tenants' plans: the seat limits (<c>Tenants.Plan_*Seats</c>).</summary>
internal sealed class EfTenantPlanSource(IServiceScopeFactory scopes) : ITenantPlanSource
{
    public async Task<SeatLimits> LoadSeatLimitsAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
        return await db.Tenants.AsNoTracking().Where(t => t.Id == tenantId)
            .Select(t => new SeatLimits(t.Plan.VoiceSeats, t.Plan.DigitalSeats, t.Plan.VideoSeats))
            .SingleOrDefaultAsync(cancellationToken) ?? SeatLimits.Unlimited;
    }
}
