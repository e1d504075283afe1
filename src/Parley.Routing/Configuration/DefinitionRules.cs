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
        var ring = queue.RequiredSkills;
        foreach (var step in queue.Bullseye)
        {
            if (step.After <= previous || !AreValid(step.RequiredSkills) || !Widens(ring, step.RequiredSkills))
            {
                return false;
            }

            previous = step.After;
            ring = step.RequiredSkills;
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
        for (var level = 0; level < queue.Resolved.Length; level++)
        {
            if (Meets(agent, queue.Resolved[level], skip: -1))
            {
                return level;
            }
        }

        return -1;
    }

    /// <summary>Whether the agent meets every requirement but the one at index <paramref name="skip"/>.</summary>
    public static bool Meets(AgentRuntime agent, ResolvedRequirement[] requirements, int skip)
    {
        for (var k = 0; k < requirements.Length; k++)
        {
            if (k != skip && agent.ProficiencyOf(requirements[k].Skill) < requirements[k].MinProficiency)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A bullseye ring must accept everyone the previous ring accepted: each of its requirements is implied.</summary>
    private static bool Widens(IReadOnlyList<SkillRequirement> inner, IReadOnlyList<SkillRequirement> outer)
    {
        foreach (var requirement in outer)
        {
            if (!inner.Any(r => r.Skill == requirement.Skill && r.MinProficiency >= requirement.MinProficiency))
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
