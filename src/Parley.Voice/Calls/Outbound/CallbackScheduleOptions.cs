namespace Parley.Voice.Calls.Outbound;

/// <summary>
/// <c>Parley:Calls:Callbacks</c>: when an agent took a callback but the customer did not answer (busy, no answer, a
/// carrier failure), the callback is tried again after <see cref="RetryDelay"/>, up to <see cref="MaxAttempts"/>
/// attempts in all (an invalid number or an agent who hung up is not retried). Scheduled callbacks (retries, and those
/// asked for a later time through the API) are looked for every <see cref="PollInterval"/>.
/// </summary>
public sealed class CallbackScheduleOptions
{
    public const string SectionName = "Parley:Calls:Callbacks";

    /// <summary>Attempts in all, the first included; 1 turns retries off. Default 3.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Time between an unanswered attempt and the next one joining the queue. Default 5 minutes.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often due scheduled callbacks are queued. Default 5 s (a callback joins its queue at most this late).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Throws on an unusable configuration; called at start-up.</summary>
    public void Validate()
    {
        if (MaxAttempts is < 1 or > 10)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxAttempts), "Parley:Calls:Callbacks:MaxAttempts must be 1..10.");
        }

        if (RetryDelay < TimeSpan.FromSeconds(1) || RetryDelay > TimeSpan.FromDays(1))
        {
            throw new ArgumentOutOfRangeException(nameof(RetryDelay), "Parley:Calls:Callbacks:RetryDelay must be 1 s..1 day.");
        }

        if (PollInterval < TimeSpan.FromMilliseconds(100) || PollInterval > TimeSpan.FromMinutes(5))
        {
            throw new ArgumentOutOfRangeException(nameof(PollInterval), "Parley:Calls:Callbacks:PollInterval must be 100 ms..5 min.");
        }
    }

    /// <summary>
    /// Whether an attempt that ended with <paramref name="releaseCause"/> before customer and agent talked is worth another:
    /// the customer busy, not answering or a carrier failure; customer first, also the agent's phone not answering.
    /// </summary>
    public static bool Retryable(string? releaseCause) =>
        releaseCause is "busy" or "no_answer" or "agent_no_answer" or "agent_busy"
        || releaseCause?.StartsWith("failed_", StringComparison.Ordinal) == true;
}
