using System.Collections.Concurrent;
using Parley.Cluster.Routing;

namespace Parley.Server.Routing;

/// <summary>
/// One reference per tenant's routing grain, made once: Orleans reads the interface's attributes through reflection on
/// every <c>GetGrain</c>, which the request path would otherwise pay on every call. References are immutable.
/// </summary>
internal sealed class TenantRoutingGrains(IGrainFactory grains)
{
    private readonly ConcurrentDictionary<Guid, ITenantRoutingGrain> _references = new();

    public ITenantRoutingGrain For(Guid tenantId) =>
        _references.GetOrAdd(tenantId, static (id, factory) => factory.GetGrain<ITenantRoutingGrain>(id), grains);
}
