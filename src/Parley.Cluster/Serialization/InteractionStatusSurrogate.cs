namespace Parley.Cluster.Serialization;

/// <summary>Wire form of the routing engine's <c>InteractionStatus</c> (the engine has no Orleans attributes).</summary>
[GenerateSerializer]
public struct InteractionStatusSurrogate
{
    [Id(0)]
    public int Value;
}
