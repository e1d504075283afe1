namespace Parley.Server.Health.Liveness;

/// <summary>The Orleans scheduler that runs the routing grains serves calls: the silo's management grain answers.</summary>
internal sealed class RoutingProbe(IGrainFactory grains) : ILivenessProbe
{
    public string Loop => "routing";

    public async Task ProbeAsync(CancellationToken cancellationToken) =>
        await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true, cancellationToken).ConfigureAwait(false);
}
