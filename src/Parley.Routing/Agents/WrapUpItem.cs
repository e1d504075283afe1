using Parley.Routing.Interactions;
using Parley.Routing.Queues;

namespace Parley.Routing.Agents;

/// <summary>After-call work owed for one ended interaction; <paramref name="timeLimit"/> ends it on its own when set.</summary>
internal sealed class WrapUpItem(InteractionId interactionId, QueueRuntime queue, long startedTicks, TimeSpan? timeLimit)
{
    public InteractionId InteractionId { get; } = interactionId;

    public QueueRuntime Queue { get; } = queue;

    public long StartedTicks { get; } = startedTicks;

    /// <summary>The queue's limit when the wrap-up began (later edits of the queue do not move it), or null for none.</summary>
    public TimeSpan? TimeLimit { get; } = timeLimit;
}
