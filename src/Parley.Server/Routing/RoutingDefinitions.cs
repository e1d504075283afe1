using Parley.Data.Entities.Acd;
using Parley.Routing.Agents;
using Parley.Routing.Channels;
using Parley.Routing.Queues;
using Parley.Routing.Skills;

namespace Parley.Server.Routing;

/// <summary>Maps stored agents and queues to the routing engine's definitions (ids are the rows' GUIDs).</summary>
internal static class RoutingDefinitions
{
    public static string Key(Guid id) => id.ToString();

    /// <summary>The agent's definition; without <paramref name="offersVoice"/> (their registered phone is offline) voice is left out.</summary>
    public static AgentDefinition ToDefinition(Agent agent, bool offersVoice = true)
    {
        var capacities = new Dictionary<Channel, int>();
        foreach (var c in agent.Capacities)
        {
            if (Enum.TryParse<Channel>(c.Channel, out var channel) && (offersVoice || channel != Channel.Voice))
            {
                capacities[channel] = c.Capacity;
            }
        }

        return new AgentDefinition(
            new AgentId(Key(agent.Id)),
            agent.Skills.Select(s => new AgentSkill(new SkillId(Key(s.SkillId)), s.Proficiency)).ToArray(),
            capacities,
            Enum.TryParse<CrossChannelRule>(agent.CrossChannelRule, out var rule) ? rule : CrossChannelRule.RealTimeBlocksOthers)
        {
            // Seats follow the configuration, not the phone: an agent with voice holds a voice seat while it is offline.
            SeatChannels = agent.Capacities
                .Where(c => c.Capacity > 0)
                .Select(c => Enum.TryParse<Channel>(c.Channel, out var channel) ? channel : (Channel?)null)
                .OfType<Channel>()
                .ToArray(),
        };
    }

    public static QueueDefinition ToDefinition(Queue queue)
    {
        var overflow = Enum.TryParse<OverflowTargetKind>(queue.OverflowTarget, out var kind) ? kind : OverflowTargetKind.Disconnect;
        return new QueueDefinition(
            new QueueId(Key(queue.Id)),
            queue.Channels.Select(c => Enum.Parse<Channel>(c)).ToArray())
        {
            RequiredSkills = queue.RequiredSkills.Select(s => new SkillRequirement(new SkillId(Key(s.SkillId)), s.MinProficiency)).ToArray(),
            Selection = Enum.TryParse<AgentSelection>(queue.Strategy, out var strategy) ? strategy : AgentSelection.LongestIdle,
            Priority = queue.Priority,
            ServiceLevelTarget = TimeSpan.FromSeconds(queue.ServiceLevelTargetSeconds),
            OfferTimeout = TimeSpan.FromSeconds(queue.OfferTimeoutSeconds),
            MaxSize = queue.MaxSize,
            MaxWait = queue.MaxWaitSeconds is { } w ? TimeSpan.FromSeconds(w) : null,
            Overflow = overflow == OverflowTargetKind.Queue && queue.OverflowQueueId is { } target
                ? OverflowTarget.ToQueue(new QueueId(Key(target)))
                : new OverflowTarget(overflow == OverflowTargetKind.Queue ? OverflowTargetKind.Disconnect : overflow),
            WrapUp = Enum.TryParse<WrapUpMode>(queue.WrapUpMode, out var wrapUp) ? wrapUp : WrapUpMode.None,
            WrapUpTimeLimit = queue.WrapUpTimeLimitSeconds is { } l ? TimeSpan.FromSeconds(l) : null,
            WrapUpCodes = [.. queue.WrapUpCodes],
        };
    }
}
