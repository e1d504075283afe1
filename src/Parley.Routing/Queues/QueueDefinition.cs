using Parley.Routing.Channels;
using Parley.Routing.Skills;

namespace Parley.Routing.Queues;

/// <summary>Configuration of a skill queue. Everything but the id and channels has a documented default.</summary>
public sealed record QueueDefinition(QueueId Id, IReadOnlyList<Channel> Channels)
{
    /// <summary>Agents must hold all of these to serve the queue (at the first bullseye ring). Empty: every agent.</summary>
    public IReadOnlyList<SkillRequirement> RequiredSkills { get; init; } = [];

    /// <summary>How an agent is chosen. Default longest idle.</summary>
    public AgentSelection Selection { get; init; } = AgentSelection.LongestIdle;

    /// <summary>Added to every interaction's priority when agents compare queues. Default 0.</summary>
    public int Priority { get; init; }

    /// <summary>Priority points gained per minute of waiting (priority with aging). Default 0: no aging.</summary>
    public double AgingPerMinute { get; init; }

    /// <summary>Wider skill rings reached over waiting time (bullseye). Default none.</summary>
    public IReadOnlyList<BullseyeStep> Bullseye { get; init; } = [];

    /// <summary>How long an interaction with a preferred (last) agent waits for that agent only. Default 30 s.</summary>
    public TimeSpan PreferredAgentTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Answered within this time counts towards the service level. Default 20 s.</summary>
    public TimeSpan ServiceLevelTarget { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>How long an offer rings before it times out. Default 20 s.</summary>
    public TimeSpan OfferTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Maximum interactions waiting; arrivals beyond overflow. Default unlimited.</summary>
    public int? MaxSize { get; init; }

    /// <summary>Maximum wait in this queue before overflow. Default unlimited.</summary>
    public TimeSpan? MaxWait { get; init; }

    /// <summary>Where <see cref="MaxSize"/> and <see cref="MaxWait"/> overflow to. Default disconnect.</summary>
    public OverflowTarget Overflow { get; init; } = OverflowTarget.Disconnect;

    /// <summary>Overflow on arrival based on estimated wait or size. Default none.</summary>
    public KpiOverflowRule? KpiOverflow { get; init; }

    /// <summary>After-call work policy. Default none.</summary>
    public WrapUpMode WrapUp { get; init; } = WrapUpMode.None;

    /// <summary>Time limit for <see cref="WrapUpMode.Optional"/> (if set) and <see cref="WrapUpMode.MandatoryWithTimeLimit"/>.</summary>
    public TimeSpan? WrapUpTimeLimit { get; init; }

    /// <summary>Allowed wrap-up codes; empty allows any code.</summary>
    public IReadOnlyList<string> WrapUpCodes { get; init; } = [];

    /// <summary>Average handle time assumed until interactions from this queue have ended. Default 180 s.</summary>
    public TimeSpan DefaultHandleTime { get; init; } = TimeSpan.FromSeconds(180);
}
