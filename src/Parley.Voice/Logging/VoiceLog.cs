using System.Net;
using Microsoft.Extensions.Logging;

namespace Parley.Voice.Logging;

/// <summary>Every log line of Parley.Voice; event ids 6xxx (Parley.Sip uses 1xxx–4xxx, Parley.Media 5xxx).</summary>
internal static partial class VoiceLog
{
    [LoggerMessage(6000, LogLevel.Information, "No voice handler for called user {CalledUser} (Call-ID {CallId}): 404")]
    public static partial void NoHandler(ILogger logger, string calledUser, string callId);

    [LoggerMessage(6001, LogLevel.Information, "Refused SDP offer of {CallId} with {Status}: {Reason}")]
    public static partial void OfferRefused(ILogger logger, string callId, int status, string reason);

    [LoggerMessage(6002, LogLevel.Information, "Echo test {CallId} answered, RTP on port {Port}")]
    public static partial void EchoStarted(ILogger logger, string callId, int port);

    [LoggerMessage(6003, LogLevel.Information, "Echo test {CallId} ended after {PacketsReceived} RTP packets")]
    public static partial void EchoEnded(ILogger logger, string callId, long packetsReceived);

    [LoggerMessage(6004, LogLevel.Debug, "Echo test {CallId} received digit {Digit}")]
    public static partial void DigitReceived(ILogger logger, string callId, char digit);

    [LoggerMessage(6005, LogLevel.Warning, "Echo test {CallId}: BYE failed")]
    public static partial void HangUpFailed(ILogger logger, string callId, Exception exception);

    [LoggerMessage(6006, LogLevel.Information, "Echo test {CallId}: Parley hangs up ({Reason})")]
    public static partial void EchoHangingUp(ILogger logger, string callId, Parley.Voice.Echo.EchoHangUpReason reason);

    [LoggerMessage(6007, LogLevel.Warning, "Echo test busy: {CallId} refused with 486, {MaxCalls} echo calls already running")]
    public static partial void EchoBusy(ILogger logger, string callId, int maxCalls);

    [LoggerMessage(6008, LogLevel.Warning, "SIP call refused for user {User} realm {Realm} from {SourceIp}: called into domain {Domain} (Call-ID {CallId}), 403")]
    public static partial void CrossTenantCallRefused(ILogger logger, string user, string realm, string domain, IPAddress sourceIp, string callId);

    [LoggerMessage(6009, LogLevel.Information, "INVITE to {Number} from {SourceIp} (Call-ID {CallId}) answered {Status} at the edge")]
    public static partial void NumberRefused(ILogger logger, string number, IPAddress sourceIp, string callId, int status);

    [LoggerMessage(6010, LogLevel.Information, "INVITE to {Number} resolved to tenant {TenantId}, target {TargetKind}, trunk {TrunkId} (Call-ID {CallId})")]
    public static partial void NumberResolved(ILogger logger, string number, Guid tenantId, Parley.Voice.Numbers.InboundTargetKind targetKind, Guid? trunkId, string callId);
}
