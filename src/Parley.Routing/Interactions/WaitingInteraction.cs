using Parley.Routing.Agents;
using Parley.Routing.Channels;
using Parley.Routing.Queues;
using Parley.Routing.Skills;

namespace Parley.Routing.Interactions;

/// <summary>
/// An interaction not yet accepted, as listed by <see cref="RoutingEngine.GetWaiting"/> and exported for restore;
/// <paramref name="Deferred"/> as in <see cref="InteractionRequest"/>.
/// </summary>
public sealed record WaitingInteraction(
    InteractionId Id,
    QueueId QueueId,
    Channel Channel,
    int Priority,
    DateTimeOffset EnqueuedAt,
    AgentId? PreferredAgent = null,
    IReadOnlyList<SkillRequirement>? RequiredSkills = null,
    bool Deferred = false);
