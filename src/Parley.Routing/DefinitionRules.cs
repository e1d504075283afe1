using Parley.Routing.Agents;
using Parley.Routing.Queues;
using Parley.Routing.Skills;

namespace Parley.Routing;

/// <summary>Validation of definitions and skill matching between agents and queues.</summary>
internal static class DefinitionRules
{
    public static bool IsValid(QueueDefinition queue)
    {
        if (queue.Channels.Count == 0 || queue.OfferTimeout <= TimeSpan.Zero || queue.MaxSize < 0
            || !AreValid(queue.RequiredSkills) || (queue.Overflow.Kind == OverflowTargetKind.Queue && queue.Overflow.Queue is null))
        {
            return false;
        }

        var previous = TimeSpan.Zero;
        foreach (var step in queue.Bullseye)
        {
            if (step.After <= previous || !AreValid(step.RequiredSkills))
            {
                return false;
            }

            previous = step.After;
        }

        return true;
    }

    public static bool IsValid(AgentDefinition agent)
    {
        foreach (var skill in agent.Skills)
        {
            if (skill.Proficiency is < 1 or > 5)
            {
                return false;
            }
        }

        foreach (var capacity in agent.Capacities.Values)
        {
            if (capacity < 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The first bullseye ring whose requirements the agent meets, or -1 when none.</summary>
    public static int LevelOf(AgentRuntime agent, QueueRuntime queue)
    {
        for (var level = 0; level < queue.Levels.Length; level++)
        {
            if (Meets(agent, queue.Levels[level]))
            {
                return level;
            }
        }

        return -1;
    }

    public static int ScoreOf(AgentRuntime agent, QueueRuntime queue)
    {
        var score = 0;
        foreach (var requirement in queue.Levels[0])
        {
            score += agent.Skills.GetValueOrDefault(requirement.Skill);
        }

        return score;
    }

    private static bool Meets(AgentRuntime agent, SkillRequirement[] requirements)
    {
        foreach (var requirement in requirements)
        {
            if (!agent.Skills.TryGetValue(requirement.Skill, out var proficiency) || proficiency < requirement.MinProficiency)
            {
                return false;
            }
        }

        return true;
    }

    private static bool AreValid(IReadOnlyList<SkillRequirement> requirements)
    {
        foreach (var requirement in requirements)
        {
            if (requirement.MinProficiency is < 1 or > 5)
            {
                return false;
            }
        }

        return true;
    }
}
