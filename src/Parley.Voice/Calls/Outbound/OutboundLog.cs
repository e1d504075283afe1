using Microsoft.Extensions.Logging;

namespace Parley.Voice.Calls.Outbound;

/// <summary>Log lines of agents' own calls (click to dial, internal calls): events 6150–6159.</summary>
internal static partial class OutboundLog
{
    [LoggerMessage(6150, LogLevel.Information, "Call {CallId}: agent {AgentId} dials {Destination}; their phone {Phone} rings first")]
    public static partial void Dialing(ILogger logger, Guid callId, Guid agentId, string destination, string phone);

    [LoggerMessage(6151, LogLevel.Information, "Call {CallId}: agent {AgentId}'s dial refused by routing: {Reason}")]
    public static partial void Refused(ILogger logger, Guid callId, Guid agentId, string reason);

    [LoggerMessage(6152, LogLevel.Information, "Call {CallId}: the agent's phone answered; calling {Target}")]
    public static partial void CallingFarEnd(ILogger logger, Guid callId, string target);

    [LoggerMessage(6153, LogLevel.Information, "Call {CallId}: {Target} answered; handed over bridged with agent {AgentId}")]
    public static partial void Bridged(ILogger logger, Guid callId, string target, Guid agentId);

    [LoggerMessage(6154, LogLevel.Information, "Call {CallId} ended: {Cause}, {Disposition}")]
    public static partial void Ended(ILogger logger, Guid callId, string cause, string disposition);

    [LoggerMessage(6155, LogLevel.Error, "Call {CallId} failed")]
    public static partial void Failed(ILogger logger, Guid callId, Exception exception);

    [LoggerMessage(6156, LogLevel.Warning, "Call {CallId}: clean-up step failed")]
    public static partial void CleanupFailed(ILogger logger, Guid callId, Exception exception);

    [LoggerMessage(6157, LogLevel.Information, "Callback {InteractionId} for call {CallId} waits in {Queue}")]
    public static partial void CallbackQueued(ILogger logger, Guid interactionId, Guid callId, string queue);

    [LoggerMessage(6160, LogLevel.Information, "Callback {InteractionId} ordered through the API waits in {Queue}")]
    public static partial void OrderedCallbackQueued(ILogger logger, Guid interactionId, string queue);

    [LoggerMessage(6158, LogLevel.Warning, "Callback {InteractionId} given up: {Reason}")]
    public static partial void CallbackImpossible(ILogger logger, Guid interactionId, string reason);

    [LoggerMessage(6159, LogLevel.Information, "Callback {InteractionId}: the customer was not reached ({Cause}); attempt {Attempt} at {DueAt:O}")]
    public static partial void CallbackRetryScheduled(ILogger logger, Guid interactionId, string cause, int attempt, DateTimeOffset dueAt);
}
