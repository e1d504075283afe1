namespace Parley.Routing.Queues;

/// <summary>An overflow destination. <see cref="Queue"/> is set only for <see cref="OverflowTargetKind.Queue"/>.</summary>
public sealed record OverflowTarget(OverflowTargetKind Kind, QueueId? Queue = null)
{
    public static OverflowTarget Disconnect { get; } = new(OverflowTargetKind.Disconnect);

    public static OverflowTarget Voicemail { get; } = new(OverflowTargetKind.Voicemail);

    public static OverflowTarget Callback { get; } = new(OverflowTargetKind.Callback);

    public static OverflowTarget ToQueue(QueueId queue) => new(OverflowTargetKind.Queue, queue);
}
