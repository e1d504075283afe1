namespace Parley.Server.Voice.Calls;

/// <summary>Log lines of the server's call adapters; event ids 52xx.</summary>
internal static partial class CallHostLog
{
    [LoggerMessage(5200, LogLevel.Warning, "Routing could not be told that phones of tenant {TenantId} registered or unregistered")]
    public static partial void PhonePresenceFailed(ILogger logger, Exception exception, Guid tenantId);

    [LoggerMessage(5203, LogLevel.Information, "Phones of {UserNames} in tenant {TenantId} came online or went away: {Count} agent(s) reloaded in routing")]
    public static partial void PhonePresenceChanged(ILogger logger, string userNames, Guid tenantId, int count);

    [LoggerMessage(5201, LogLevel.Warning, "Re-watching call interactions failed")]
    public static partial void RewatchFailed(ILogger logger, Exception exception);

    [LoggerMessage(5202, LogLevel.Warning, "Routing command {Command} for call {CallId} of tenant {TenantId} answered {Result}")]
    public static partial void CommandRefused(ILogger logger, string command, Guid callId, Guid tenantId, string result);

    [LoggerMessage(5204, LogLevel.Warning, "Routing of tenant {TenantId} unreachable ({Exception}): its node is down or leaving; a call's command is sent again for up to 30 s")]
    public static partial void GrainUnreachable(ILogger logger, Guid tenantId, string exception);

    [LoggerMessage(5205, LogLevel.Warning, "Call interaction {InteractionId} of tenant {TenantId} could not be withdrawn after its caller left during queueing")]
    public static partial void WithdrawFailed(ILogger logger, Exception exception, Guid interactionId, Guid tenantId);

    [LoggerMessage(5230, LogLevel.Information, "Listening again for {Count} waiting callback(s) ({Gone} no longer in routing)")]
    public static partial void CallbacksResumed(ILogger logger, int count, int gone);

    [LoggerMessage(5231, LogLevel.Warning, "Listening again for waiting callbacks failed")]
    public static partial void CallbacksResumeFailed(ILogger logger, Exception exception);

    [LoggerMessage(5232, LogLevel.Information, "Scheduled callback {InteractionId} (attempt {Attempt}) is due: {Outcome}")]
    public static partial void ScheduledCallbackDue(ILogger logger, Guid interactionId, int attempt, string outcome);

    [LoggerMessage(5233, LogLevel.Warning, "Queueing due scheduled callbacks failed")]
    public static partial void ScheduledCallbacksFailed(ILogger logger, Exception exception);
}
