namespace Parley.Server.Usage;

/// <summary>The meters usage is recorded in. Durations are whole seconds so sums never round.</summary>
public static class UsageMeters
{
    /// <summary>Seconds agents were signed in to routing (seat-hours × 3600); dimension <c>all</c>.</summary>
    public const string SeatSeconds = "seat-seconds";

    /// <summary>Most agents signed in at once during the day; dimension <c>all</c>.</summary>
    public const string SeatPeak = "seat-peak";

    /// <summary>Talk seconds of answered calls; dimension <c>{in|out}|{trunk id or -}|{number or -}</c>.</summary>
    public const string CallSeconds = "call-seconds";

    /// <summary>Seconds callers spent in IVR flows; dimension <c>all</c>.</summary>
    public const string IvrSeconds = "ivr-seconds";

    /// <summary>Seconds of call recordings (from the CDRs of recorded calls); dimension <c>all</c>.</summary>
    public const string RecordedSeconds = "recorded-seconds";

    /// <summary>Bytes of call recordings written that day (storage taken); dimension <c>all</c>.</summary>
    public const string RecordingBytes = "recording-bytes";

    public const string ChatSessions = "chat-sessions";

    public const string ChatMessages = "chat-messages";

    public const string WebhookDeliveries = "webhook-deliveries";

    /// <summary>Requests to <c>/api</c> with the tenant's credentials, on the local day their UTC hour starts in.</summary>
    public const string ApiCalls = "api-calls";

    public const string All = "all";
}
