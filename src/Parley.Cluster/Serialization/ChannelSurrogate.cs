namespace Parley.Cluster.Serialization;

/// <summary>Wire form of the routing engine's <c>Channel</c> (the engine has no Orleans attributes).</summary>
[GenerateSerializer]
public struct ChannelSurrogate
{
    [Id(0)]
    public int Value;
}
