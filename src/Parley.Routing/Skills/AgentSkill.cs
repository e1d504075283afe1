namespace Parley.Routing.Skills;

/// <summary>A skill an agent holds, with a proficiency from 1 (novice) to 5 (expert).</summary>
public sealed record AgentSkill(SkillId Skill, int Proficiency);
