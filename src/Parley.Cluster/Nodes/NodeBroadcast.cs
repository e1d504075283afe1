using Microsoft.Extensions.Logging;

namespace Parley.Cluster.Nodes;

/// <summary>
/// Tells every active node of the cluster (the membership's view, <see cref="IManagementGrain.GetHosts"/>) to clear a
/// cache, through each node's <see cref="INodeGrain"/>, and waits for them (each bounded by <see cref="Timeout"/>). A node
/// that does not answer is logged and skipped: its cache still expires on its own.
/// </summary>
public sealed partial class NodeBroadcast(IGrainFactory grains, ILogger<NodeBroadcast> logger)
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task<int> ForgetTenantPlanAsync(Guid tenantId)
    {
        var hosts = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
        var calls = hosts.Keys.Select(async silo =>
        {
            try
            {
                await grains.GetGrain<INodeGrain>(silo.ToParsableString()).ForgetTenantPlanAsync(tenantId).WaitAsync(Timeout);
                return 1;
            }
            catch (Exception exception) when (exception is OrleansException or TimeoutException or SiloUnavailableException)
            {
                NodeDidNotAnswer(logger, exception, silo.ToString());
                return 0;
            }
        });
        return (await Task.WhenAll(calls)).Sum();
    }

    [LoggerMessage(5301, LogLevel.Warning, "Node {Silo} did not clear its cached plan; it expires on its own")]
    private static partial void NodeDidNotAnswer(ILogger logger, Exception exception, string silo);
}
