using Parley.Routing.Agents;
using Parley.Routing.Channels;
using Parley.Routing.Queues;
using Parley.Routing.Skills;

namespace Parley.Routing.Interactions;

/// <summary>
/// "Here is an interaction for queue Q": what a channel adapter hands the engine. <paramref name="EnqueuedAt"/>
/// defaults to now; pass the original time when the customer has been waiting already (e.g. in the IVR).
/// <paramref name="RequiredSkills"/> adds to the queue's requirements for this interaction only (e.g. the language
/// chosen in the IVR). A <paramref name="Deferred"/> interaction is work the customer left behind (a voicemail, a
/// callback): it waits for an agent however long and however full the queue is, so the queue's max wait, max size and
/// KPI overflow do not apply to it.
/// </summary>
public sealed record InteractionRequest(
    InteractionId Id,
    QueueId QueueId,
    Channel Channel,
    int Priority = 0,
    AgentId? PreferredAgent = null,
    DateTimeOffset? EnqueuedAt = null,
    IReadOnlyList<SkillRequirement>? RequiredSkills = null,
    bool Deferred = false);
