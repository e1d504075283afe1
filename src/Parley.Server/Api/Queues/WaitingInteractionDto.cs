using Parley.Cluster.Routing.Messages;

namespace Parley.Server.Api.Queues;

/// <summary>One interaction waiting in a queue, with the seconds it has waited (since its original arrival) so far.</summary>
public sealed record WaitingInteractionDto(Guid Id, string Channel, int Priority, DateTimeOffset EnqueuedAt, long WaitedSeconds, Guid? PreferredAgentId)
{
    public static WaitingInteractionDto From(WaitingView w, DateTimeOffset now) => new(
        Guid.Parse(w.InteractionId),
        w.Channel.ToString(),
        w.Priority,
        w.EnqueuedAt,
        (long)Math.Max(0, (now - w.EnqueuedAt).TotalSeconds),
        w.PreferredAgentId is { } agent ? Guid.Parse(agent) : null);
}
