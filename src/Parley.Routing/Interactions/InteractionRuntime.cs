using Parley.Routing.Agents;
using Parley.Routing.Channels;
using Parley.Routing.Pools;
using Parley.Routing.Queues;
using Parley.Routing.Skills;

namespace Parley.Routing.Interactions;

/// <summary>Live state of one interaction inside the engine.</summary>
internal sealed class InteractionRuntime(InteractionId id, Channel channel, int priority, long enqueuedTicks, long sequence)
{
    public InteractionId Id { get; } = id;

    public Channel Channel { get; } = channel;

    public int Priority { get; set; } = priority;

    /// <summary>Original enqueue time; ordering and waiting time use it across requeues and overflows.</summary>
    public long EnqueuedTicks { get; } = enqueuedTicks;

    public long Sequence { get; } = sequence;

    public QueueRuntime Queue { get; set; } = null!;

    public Pool Pool { get; set; } = null!;

    /// <summary>When it entered its current queue; max wait and bullseye steps count from here.</summary>
    public long QueuedTicks { get; set; }

    public InteractionStatus Status { get; set; }

    public WaitingEntry Entry { get; set; }

    public AgentRuntime? Agent { get; set; }

    public AgentRuntime? PreferredAgent { get; set; }

    public long OfferedTicks { get; set; }

    public long AcceptedTicks { get; set; }

    /// <summary>Bullseye ring reached (0 = the queue's own requirements).</summary>
    public int Level { get; set; }

    /// <summary>Bumped on every status change; timers carrying an older value are stale.</summary>
    public int Generation { get; set; }

    public int OverflowHops { get; set; }

    /// <summary>Left behind by the customer (a voicemail, a callback): no max wait, size or KPI overflow.</summary>
    public bool Deferred { get; init; }

    /// <summary>Requirements of this interaction on top of its queue's (numbered skills); empty for most.</summary>
    public ResolvedRequirement[] Extra { get; set; } = [];

    /// <summary>As given, for export.</summary>
    public IReadOnlyList<SkillRequirement>? ExtraDefinition { get; set; }

    /// <summary>Queue ring requirements plus <see cref="Extra"/>, per ring, built on first use.</summary>
    public ResolvedRequirement[]?[]? Combined { get; set; }

    /// <summary>Whether it sits in its pool's waiting set or its preferred agent's list right now.</summary>
    public bool Queued { get; set; }
}
