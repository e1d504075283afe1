namespace Parley.Server.Application.Admin;

/// <summary>Who uses a skill: the agents who hold it and the queues that require it, each by name.</summary>
public sealed record SkillUsage(IReadOnlyList<SkillHolder> Agents, IReadOnlyList<SkillHolder> Queues)
{
    public bool InUse => Agents.Count > 0 || Queues.Count > 0;

    /// <summary>"agent Alice Agent and queue Sales", "3 agents and 2 queues": who to take the skill from before deleting it.</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (Agents.Count > 0)
        {
            parts.Add(Agents.Count == 1 ? $"agent {Agents[0].Name}" : $"{Agents.Count} agents");
        }

        if (Queues.Count > 0)
        {
            parts.Add(Queues.Count == 1 ? $"queue {Queues[0].Name}" : $"{Queues.Count} queues");
        }

        return parts.Count == 0 ? "nobody" : string.Join(" and ", parts);
    }
}
