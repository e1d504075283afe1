using Parley.Data.Entities.Acd;

namespace Parley.Server.Api.Agents;

public sealed record AgentDto(
    Guid Id,
    Guid UserId,
    string DisplayName,
    string? Extension,
    IReadOnlyList<AgentSkillLevel> Skills,
    IReadOnlyDictionary<string, int> Capacities,
    string CrossChannelRule,
    AgentPhone Phone,
    long Version)
{
    public static AgentDto From(Agent agent) => new(
        agent.Id,
        agent.UserId,
        agent.DisplayName,
        agent.Extension,
        agent.Skills.Select(s => new AgentSkillLevel(s.SkillId, s.Proficiency)).ToArray(),
        agent.Capacities.ToDictionary(c => c.Channel, c => c.Capacity),
        agent.CrossChannelRule,
        new AgentPhone(agent.PhoneKind, agent.PhoneSipCredentialId, agent.PhoneUri),
        agent.Version);
}
