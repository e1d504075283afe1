using Orleans.Placement;

namespace Parley.Cluster.Nodes;

/// <summary>Places a grain on the silo whose address (<see cref="SiloAddress.ToParsableString"/>) is the grain's key.</summary>
[GenerateSerializer, Immutable, SuppressReferenceTracking]
public sealed class NodePlacement : PlacementStrategy
{
    public static readonly NodePlacement Instance = new();
}

/// <summary>Marks a grain class as placed by <see cref="NodePlacement"/>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class NodePlacementAttribute() : PlacementAttribute(NodePlacement.Instance);
