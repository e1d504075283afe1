namespace Parley.Routing.Skills;

/// <summary>A <see cref="SkillRequirement"/> with its skill numbered by the <see cref="SkillRegistry"/>.</summary>
internal readonly record struct ResolvedRequirement(int Skill, int MinProficiency);
