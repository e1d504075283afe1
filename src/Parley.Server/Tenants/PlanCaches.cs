using Parley.Cluster.Nodes;
using Parley.Server.Voice;

namespace Parley.Server.Tenants;

/// <summary>
/// This node's cached views of tenants' plans, cleared through <see cref="INodeGrain"/> when the operator saves a plan on
/// any node: the call cap (the SIP admission reads it from the number directory, reloaded here at once) and the API rate.
/// </summary>
internal sealed class PlanCaches(NumberDirectory directory, TenantApiRates apiRates) : INodeCaches
{
    public async ValueTask ForgetTenantPlanAsync(Guid tenantId)
    {
        directory.Invalidate();
        await directory.GetAsync(CancellationToken.None);
        apiRates.Forget(tenantId);
    }
}
