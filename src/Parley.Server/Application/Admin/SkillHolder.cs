namespace Parley.Server.Application.Admin;

/// <summary>An agent who holds a skill (<see cref="Level"/>: their proficiency) or a queue that requires it (the minimum proficiency).</summary>
public sealed record SkillHolder(Guid Id, string Name, int Level);
