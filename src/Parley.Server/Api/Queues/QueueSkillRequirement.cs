namespace Parley.Server.Api.Queues;

/// <summary>A skill a queue requires, at or above a minimum proficiency (1–5).</summary>
public sealed record QueueSkillRequirement(Guid SkillId, int MinProficiency = 1);
