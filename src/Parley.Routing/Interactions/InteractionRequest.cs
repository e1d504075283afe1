using Parley.Routing.Agents;
using Parley.Routing.Channels;
using Parley.Routing.Queues;
using Parley.Routing.Skills;

namespace Parley.Routing.Interactions;

/// <summary>
/// "Here is an interaction for queue Q": what a channel adapter hands the engine. <paramref name="EnqueuedAt"/>
/// defaults to now; pass the original time when the customer has been waiting already (e.g. in the IVR).
/// <paramref name="RequiredSkills"/> adds to the queue's requirements for this interaction only (e.g. the language
/// chosen in the IVR).
/// </summary>
public sealed record InteractionRequest(
    InteractionId Id,
    QueueId QueueId,
    Channel Channel,
    int Priority = 0,
    AgentId? PreferredAgent = null,
    DateTimeOffset? EnqueuedAt = null,
    IReadOnlyList<SkillRequirement>? RequiredSkills = null);
