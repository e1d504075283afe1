namespace Parley.Server.Api.Agents;

/// <summary>A skill an agent holds, proficiency 1 (novice) to 5 (expert).</summary>
public sealed record AgentSkillLevel(Guid SkillId, int Proficiency);
