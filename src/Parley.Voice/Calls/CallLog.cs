using Microsoft.Extensions.Logging;

namespace Parley.Voice.Calls;

/// <summary>Log lines of calls to tenants' numbers; event ids 61xx.</summary>
internal static partial class CallLog
{
    [LoggerMessage(6100, LogLevel.Information, "Call {CallId} (Call-ID {SipCallId}) answered for tenant {TenantId}, number {Number}")]
    public static partial void Answered(ILogger logger, Guid callId, string sipCallId, Guid tenantId, string number);

    [LoggerMessage(6101, LogLevel.Information, "Call {CallId} queued in {Queue}")]
    public static partial void Queued(ILogger logger, Guid callId, string queue);

    [LoggerMessage(6102, LogLevel.Information, "Call {CallId} could not be queued in {Queue}: {Reason}")]
    public static partial void QueueRefused(ILogger logger, Guid callId, string queue, string reason);

    [LoggerMessage(6103, LogLevel.Information, "Call {CallId} rings agent {AgentId} at {Target}")]
    public static partial void Ringing(ILogger logger, Guid callId, Guid agentId, string target);

    [LoggerMessage(6104, LogLevel.Information, "Call {CallId}: agent {AgentId}'s phone answered {Status}")]
    public static partial void RingFailed(ILogger logger, Guid callId, Guid agentId, int status);

    [LoggerMessage(6105, LogLevel.Information, "Call {CallId}: ringing agent {AgentId} stopped ({Reason})")]
    public static partial void RingCancelled(ILogger logger, Guid callId, Guid agentId, string reason);

    [LoggerMessage(6106, LogLevel.Information, "Call {CallId} bridged with agent {AgentId}")]
    public static partial void Bridged(ILogger logger, Guid callId, Guid agentId);

    [LoggerMessage(6107, LogLevel.Information, "Call {CallId} ended: {Cause}, {Disposition}")]
    public static partial void CallEnded(ILogger logger, Guid callId, string cause, string disposition);

    [LoggerMessage(6108, LogLevel.Warning, "Call {CallId} offered to agent {AgentId}, who has no reachable phone: rejected")]
    public static partial void NoPhone(ILogger logger, Guid callId, Guid agentId);

    [LoggerMessage(6109, LogLevel.Error, "Call {CallId} (Call-ID {SipCallId}) failed")]
    public static partial void CallFailed(ILogger logger, Guid callId, string sipCallId, Exception exception);

    [LoggerMessage(6110, LogLevel.Warning, "Call {CallId}: clean-up step failed")]
    public static partial void CleanupFailed(ILogger logger, Guid callId, Exception exception);

    [LoggerMessage(6111, LogLevel.Warning, "Call {CallId}: music on hold unavailable")]
    public static partial void MusicUnavailable(ILogger logger, Guid callId, Exception exception);

    [LoggerMessage(6112, LogLevel.Information, "Call {CallId}: agent {AgentId} {Action}")]
    public static partial void Controlled(ILogger logger, Guid callId, Guid agentId, string action);

    [LoggerMessage(6113, LogLevel.Warning, "No free RTP port pair: {Count} calls refused with 503 since the last such line ({InUse} pairs in use)")]
    public static partial void MediaPortsFull(ILogger logger, long count, int inUse);

    [LoggerMessage(6114, LogLevel.Information, "Call {CallId}: agent {AgentId} answered after the offer ended ({Reason}); the agent's leg is released")]
    public static partial void AnsweredTooLate(ILogger logger, Guid callId, Guid agentId, string reason);

    [LoggerMessage(6125, LogLevel.Information, "Call {CallId}: agent {AgentId}'s REFER with Replaces (consultation {Consultation}) not carried out, NOTIFY {Status}: {Reason}")]
    public static partial void ReplacesRefused(ILogger logger, Guid callId, Guid agentId, string consultation, int status, string reason);

    [LoggerMessage(6126, LogLevel.Information, "Call {CallId} replaced: its agent {AgentId} took the customer of the call its caller transferred (REFER with Replaces)")]
    public static partial void Replaced(ILogger logger, Guid callId, Guid agentId);

    [LoggerMessage(6115, LogLevel.Information, "Call {CallId} overflowed out of queue {Queue} ({Reason})")]
    public static partial void Overflowed(ILogger logger, Guid callId, string queue, string reason);

    [LoggerMessage(6116, LogLevel.Warning, "Call {CallId}: the overflow ({Reason}) could not be carried out: {Failure}")]
    public static partial void OverflowFailed(ILogger logger, Guid callId, string reason, string failure);

    [LoggerMessage(6140, LogLevel.Information, "Call {CallId}: supervisor {SupervisorId} {Action}")]
    public static partial void Supervised(ILogger logger, Guid callId, Guid supervisorId, string action);
}
