using Parley.Routing.Channels;
using Parley.Routing.Skills;

namespace Parley.Routing.Agents;

/// <summary>
/// Configuration of an agent: skills and how many interactions per channel they handle at once
/// (e.g. voice 1, chat 3). A channel absent from <paramref name="Capacities"/> is never offered.
/// </summary>
public sealed record AgentDefinition(
    AgentId Id,
    IReadOnlyList<AgentSkill> Skills,
    IReadOnlyDictionary<Channel, int> Capacities,
    CrossChannelRule CrossChannel = CrossChannelRule.RealTimeBlocksOthers)
{
    /// <summary>
    /// The channels the agent is configured for, including any not offered now (voice while their phone is offline):
    /// what a host counts rented seats from. Null: the channels of <see cref="Capacities"/>.
    /// </summary>
    public IReadOnlyList<Channel>? SeatChannels { get; init; }
}
