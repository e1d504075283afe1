namespace Parley.Cluster.Serialization;

/// <summary>Wire form of the routing engine's <c>RoutingResult</c> (the engine has no Orleans attributes).</summary>
[GenerateSerializer]
public struct RoutingResultSurrogate
{
    [Id(0)]
    public int Value;
}
