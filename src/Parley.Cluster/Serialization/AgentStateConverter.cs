using Parley.Routing.Agents;

namespace Parley.Cluster.Serialization;

[RegisterConverter]
public sealed class AgentStateConverter : IConverter<AgentState, AgentStateSurrogate>
{
    public AgentState ConvertFromSurrogate(in AgentStateSurrogate surrogate) => (AgentState)surrogate.Value;

    public AgentStateSurrogate ConvertToSurrogate(in AgentState value) => new() { Value = (int)value };
}
