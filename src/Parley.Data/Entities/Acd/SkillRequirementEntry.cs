namespace Parley.Data.Entities.Acd;

/// <summary>A skill a queue requires at a minimum proficiency (stored inside the queue row as JSON).</summary>
public sealed class SkillRequirementEntry
{
    public Guid SkillId { get; set; }

    public int MinProficiency { get; set; } = 1;
}
