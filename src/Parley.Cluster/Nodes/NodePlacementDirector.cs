using Orleans.Runtime.Placement;

namespace Parley.Cluster.Nodes;

/// <summary>The director of <see cref="NodePlacement"/>: the silo named by the key, or none when it has left the cluster.</summary>
public sealed class NodePlacementDirector : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var key = target.GrainIdentity.Key.ToString();
        var silo = context.GetCompatibleSilos(target).FirstOrDefault(s => s.ToParsableString() == key);
        return silo is null
            ? Task.FromException<SiloAddress>(new OrleansException($"Node {key} is not in the cluster."))
            : Task.FromResult(silo);
    }
}
