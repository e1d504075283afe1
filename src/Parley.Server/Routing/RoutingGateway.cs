using Parley.Cluster.Routing;
using Parley.Data.Tenancy;

namespace Parley.Server.Routing;

/// <summary>The routing grain of the request's tenant: the tenant comes from the credentials, never from the request.</summary>
internal sealed class RoutingGateway(TenantRoutingGrains grains, TenantContext tenant)
{
    public Guid TenantId => tenant.TenantId ?? throw new InvalidOperationException("Routing requires a tenant.");

    public ITenantRoutingGrain Grain => grains.For(TenantId);
}
