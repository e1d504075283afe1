using Parley.Routing.Interactions;
using Parley.Routing.Queues;

namespace Parley.Routing.Agents;

/// <summary>After-call work owed for one ended interaction.</summary>
internal sealed class WrapUpItem(InteractionId interactionId, QueueRuntime queue, long startedTicks)
{
    public InteractionId InteractionId { get; } = interactionId;

    public QueueRuntime Queue { get; } = queue;

    public long StartedTicks { get; } = startedTicks;
}
