namespace Parley.Voice.Calls.Ports;

/// <summary>Queued in <paramref name="QueueId"/>, or refused for <paramref name="Refusal"/> (unknown queue, full, closed).</summary>
public sealed record CallQueueResult(Guid? QueueId, string? QueueName, string? Refusal)
{
    public bool Queued => QueueId is not null && Refusal is null;

    public static CallQueueResult Refused(string reason) => new(null, null, reason);
}
