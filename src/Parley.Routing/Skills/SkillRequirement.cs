namespace Parley.Routing.Skills;

/// <summary>A skill a queue requires, at or above a minimum proficiency (1–5).</summary>
public sealed record SkillRequirement(SkillId Skill, int MinProficiency = 1);
