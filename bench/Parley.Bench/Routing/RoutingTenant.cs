using Parley.Routing;
using Parley.Routing.Agents;
using Parley.Routing.Channels;
using Parley.Routing.Queues;
using Parley.Routing.Skills;

namespace Parley.Bench.Routing;

/// <summary>
/// The benchmark tenant: 500 queues over 50 skills (400 voice, 100 chat; every strategy, aging, bullseye,
/// wrap-up; a fifth need a second skill at proficiency 2) and 10,000 agents with 4 skills each (three neighbouring
/// skills of a group plus one at random), a quarter of them blended voice + 3 chats.
/// </summary>
internal static class RoutingTenant
{
    public const int Skills = 50;
    public const int Queues = 500;
    public const int Agents = 10_000;
    public const int ChatQueuesFrom = 400;

    public static QueueDefinition Queue(int i)
    {
        var channel = i >= ChatQueuesFrom ? Channel.Chat : Channel.Voice;
        var primary = new SkillRequirement(Skill(i % Skills));
        SkillRequirement[] required = i % 5 == 1 ? [primary, new SkillRequirement(Skill((i + 1) % Skills), 2)] : [primary];
        var selection = (i % 10) switch
        {
            4 or 5 => AgentSelection.BestSkillMatch,
            6 => AgentSelection.RoundRobin,
            7 or 8 or 9 when channel == Channel.Chat => AgentSelection.LeastOccupied,
            _ => AgentSelection.LongestIdle,
        };
        return new QueueDefinition(new QueueId($"q{i}"), [channel])
        {
            RequiredSkills = required,
            Selection = selection,
            Priority = i % 5 == 0 ? 1 : 0,
            AgingPerMinute = i % 3 == 0 ? 2 : 0,
            Bullseye = i % 25 == 1 ? [new BullseyeStep(TimeSpan.FromSeconds(30), [primary])] : [],
            WrapUp = i % 5 == 2 ? WrapUpMode.Optional : WrapUpMode.None,
            WrapUpTimeLimit = TimeSpan.FromSeconds(5),
            MaxWait = TimeSpan.FromMinutes(10),
            Overflow = OverflowTarget.Voicemail,
        };
    }

    public static AgentDefinition Agent(int i, Random random)
    {
        var group = random.Next(Skills);
        var skills = new List<AgentSkill>
        {
            new(Skill(group), random.Next(1, 6)),
            new(Skill((group + 1) % Skills), random.Next(1, 6)),
            new(Skill((group + 2) % Skills), random.Next(1, 6)),
        };
        while (skills.Count < 4)
        {
            var skill = Skill(random.Next(Skills));
            if (!skills.Exists(s => s.Skill == skill))
            {
                skills.Add(new AgentSkill(skill, random.Next(1, 6)));
            }
        }

        var capacities = i % 4 == 0
            ? new Dictionary<Channel, int> { [Channel.Voice] = 1, [Channel.Chat] = 3 }
            : new Dictionary<Channel, int> { [Channel.Voice] = 1 };
        return new AgentDefinition(new AgentId($"a{i}"), skills, capacities, CrossChannelRule.RealTimeBlocksOthers);
    }

    public static void Build(RoutingEngine engine, Random random)
    {
        for (var q = 0; q < Queues; q++)
        {
            Check(engine.UpsertQueue(Queue(q)));
        }

        for (var a = 0; a < Agents; a++)
        {
            var definition = Agent(a, random);
            Check(engine.UpsertAgent(definition));
            Check(engine.SignIn(definition.Id));
        }
    }

    private static SkillId Skill(int i) => new($"s{i}");

    private static void Check(RoutingResult result)
    {
        if (result != RoutingResult.Ok)
        {
            throw new InvalidOperationException($"setup failed: {result}");
        }
    }
}
