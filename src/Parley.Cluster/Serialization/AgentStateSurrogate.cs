namespace Parley.Cluster.Serialization;

/// <summary>Wire form of the routing engine's <c>AgentState</c> (the engine has no Orleans attributes).</summary>
[GenerateSerializer]
public struct AgentStateSurrogate
{
    [Id(0)]
    public int Value;
}
