namespace Parley.Analytics.Records;

/// <summary>
/// One queued contact (a CDR or a chat interaction) as the report calculators see it.
/// <paramref name="EnqueuedAt"/> is when it entered <paramref name="QueueId"/>; <paramref name="AnsweredAt"/> is when an
/// agent was connected (null when the caller gave up or the chat ended unanswered); <paramref name="EndedAt"/> is when the
/// customer side ended. <paramref name="Hold"/> is time on hold inside the connected part; <paramref name="WrapUp"/> is
/// the after-contact work the agent spent once the customer left. <paramref name="Deflected"/> marks a contact the queue
/// overflowed to voicemail or a callback that the customer took: unanswered, but not abandoned.
/// </summary>
public sealed record ContactRecord(
    string Id,
    ContactChannel Channel,
    string QueueId,
    string? AgentId,
    DateTimeOffset EnqueuedAt,
    DateTimeOffset? AnsweredAt,
    DateTimeOffset EndedAt,
    TimeSpan Hold,
    TimeSpan WrapUp,
    bool Transferred,
    string? WrapUpCode,
    bool Deflected = false)
{
    /// <summary>True when the customer gave up before an agent answered (a deflected contact did not).</summary>
    public bool Abandoned => AnsweredAt is null && !Deflected;

    /// <summary>Time in queue: until answer, or until the customer gave up (or left a message, or asked for a callback).</summary>
    public TimeSpan Wait => Clamp((AnsweredAt ?? EndedAt) - EnqueuedAt);

    /// <summary>Connected time (customer and agent together), hold included.</summary>
    public TimeSpan Connected => AnsweredAt is { } answered ? Clamp(EndedAt - answered) : TimeSpan.Zero;

    /// <summary>Connected time without hold.</summary>
    public TimeSpan Talk => Clamp(Connected - Hold);

    /// <summary>Connected time plus wrap-up; zero for abandoned contacts.</summary>
    public TimeSpan Handle => AnsweredAt is null ? TimeSpan.Zero : Connected + WrapUp;

    private static TimeSpan Clamp(TimeSpan value) => value < TimeSpan.Zero ? TimeSpan.Zero : value;
}
