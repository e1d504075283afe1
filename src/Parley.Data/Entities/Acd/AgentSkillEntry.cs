namespace Parley.Data.Entities.Acd;

/// <summary>A skill an agent holds (stored inside the agent row as JSON).</summary>
public sealed class AgentSkillEntry
{
    public Guid SkillId { get; set; }

    public int Proficiency { get; set; }
}
