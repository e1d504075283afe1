using System.Net;
using Microsoft.Extensions.Logging;

namespace Parley.Sip.Logging;

/// <summary>
/// Every log line Parley.Sip writes, in one table. Event ids: 1xxx transport, 2xxx parsing/stack,
/// 3xxx authentication/registrar, 4xxx defence.
/// </summary>
internal static partial class SipLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "SIP {Transport} listening on {EndPoint}")]
    public static partial void Listening(ILogger logger, string transport, IPEndPoint endPoint);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Debug, Message = "SIP {Transport} receive loop error")]
    public static partial void ReceiveError(ILogger logger, string transport, Exception exception);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Debug, Message = "SIP send to {Remote} over {Transport} failed")]
    public static partial void SendFailed(ILogger logger, IPEndPoint remote, string transport, Exception exception);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Debug, Message = "SIP {Transport} connection from {Remote} closed")]
    public static partial void ConnectionClosed(ILogger logger, string transport, IPEndPoint remote);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Warning, Message = "SIP TLS handshake with {Remote} failed")]
    public static partial void TlsHandshakeFailed(ILogger logger, IPEndPoint remote, Exception exception);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Warning, Message = "SIP TLS server certificate of {TargetHost} ({Subject}) refused: {Errors}")]
    public static partial void TlsServerCertificateRefused(ILogger logger, string targetHost, string subject, System.Net.Security.SslPolicyErrors errors);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "SIP message from {Remote} rejected: {Reason} ({StatusCode})")]
    public static partial void MessageRejected(ILogger logger, IPEndPoint remote, string reason, int statusCode);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Error, Message = "SIP application handler failed for {Method} {CallId}")]
    public static partial void HandlerFailed(ILogger logger, string method, string callId, Exception exception);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Debug, Message = "SIP stray response {StatusCode} for {CallId} dropped")]
    public static partial void StrayResponse(ILogger logger, int statusCode, string callId);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Information, Message = "SIP session {CallId} was not refreshed within {Seconds}s (RFC 4028): ending it with BYE")]
    public static partial void SessionExpired(ILogger logger, string callId, int seconds);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Warning, Message = "SIP session refresh of {CallId} failed with {StatusCode}")]
    public static partial void SessionRefreshFailed(ILogger logger, string callId, int statusCode);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "SIP authentication failed for user {User} realm {Realm} from {SourceIp}: {Failure}")]
    public static partial void AuthenticationFailed(ILogger logger, string user, string realm, IPAddress sourceIp, string failure);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "SIP registration {Aor} -> {Contact} for {Expires}s from {SourceIp}")]
    public static partial void Registered(ILogger logger, string aor, string contact, int expires, IPAddress sourceIp);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Error, Message = "SIP registrar could not {Operation} the bindings of {Aor}; answering 500 with Retry-After")]
    public static partial void BindingStoreFailed(ILogger logger, string operation, string aor, Exception exception);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Information, Message = "SIP REGISTER for {Aor} refused: CSeq {CSeq} of Call-ID {CallId} is not above the stored {StoredCSeq}")]
    public static partial void RegisterOutOfOrder(ILogger logger, string aor, long cseq, string callId, long storedCSeq);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "SIP flood from {SourceIp}: blocked for {CoolDown}")]
    public static partial void FloodBlocked(ILogger logger, IPAddress sourceIp, TimeSpan coolDown);

    /// <summary>
    /// The fail2ban line (docs/sip.md): fixed text, one per block, the source as given by the socket, the account
    /// (user@realm, or * for every account) reduced to <c>[A-Za-z0-9._@+-]</c>.
    /// </summary>
    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "SIP authentication blocked: source={SourceIp} account={Account} scope={Scope} failures={Failures} cooldown={CoolDownSeconds}s")]
    public static partial void AuthenticationBlocked(ILogger logger, IPAddress sourceIp, string account, Parley.Sip.Defence.SipAuthBlockScope scope, int failures, int coolDownSeconds);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "SIP scanner {UserAgent} from {SourceIp} dropped")]
    public static partial void ScannerDropped(ILogger logger, string userAgent, IPAddress sourceIp);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Warning, Message = "SIP admission refused {Count} new calls with 503 in the last {Seconds}s (last: {Reason}); admitted calls held: {Concurrent}")]
    public static partial void AdmissionRefusing(ILogger logger, long count, int seconds, string reason, int concurrent);
}
