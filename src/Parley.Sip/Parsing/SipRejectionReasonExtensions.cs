namespace Parley.Sip.Parsing;

/// <summary>Maps a <see cref="SipRejectionReason"/> to the SIP response that answers it.</summary>
public static class SipRejectionReasonExtensions
{
    /// <summary>The status code to answer a request rejected for <paramref name="reason"/>.</summary>
    public static int ToStatusCode(this SipRejectionReason reason) => reason switch
    {
        SipRejectionReason.UnsupportedVersion => 505,
        SipRejectionReason.MessageTooLarge or SipRejectionReason.TooManyHeaders or SipRejectionReason.HeaderTooLong => 513,
        SipRejectionReason.BodyTooLarge => 413,
        SipRejectionReason.TooManyVias or SipRejectionReason.TooManyHops => 483,
        SipRejectionReason.UnsupportedUriScheme => 416,
        SipRejectionReason.BadExtension => 420,
        SipRejectionReason.UnsupportedMediaType => 415,
        SipRejectionReason.NotAcceptable => 406,
        SipRejectionReason.NotImplemented => 501,
        _ => 400,
    };

    /// <summary>True when the byte stream can no longer be framed and a TCP/TLS connection must be closed.</summary>
    public static bool ClosesConnection(this SipRejectionReason reason) =>
        reason is SipRejectionReason.InvalidContentLength or SipRejectionReason.MissingContentLength
            or SipRejectionReason.MessageTooLarge or SipRejectionReason.TooManyHeaders or SipRejectionReason.HeaderTooLong
            or SipRejectionReason.BodyTooLarge;
}
