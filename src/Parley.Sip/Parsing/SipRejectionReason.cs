namespace Parley.Sip.Parsing;

/// <summary>Why a message was rejected. <see cref="SipRejectionReasonExtensions.ToStatusCode"/> gives the SIP answer.</summary>
public enum SipRejectionReason
{
    /// <summary>Start line is not a request line nor a status line (400).</summary>
    MalformedStartLine,

    /// <summary>Request method is not a token (400).</summary>
    InvalidMethod,

    /// <summary>Request-URI is empty, contains whitespace, is enclosed in &lt;&gt; or is not a valid URI (400).</summary>
    InvalidRequestUri,

    /// <summary>SIP version other than 2.0 (505).</summary>
    UnsupportedVersion,

    /// <summary>Status code is not three digits (responses are discarded).</summary>
    InvalidStatusCode,

    /// <summary>A header line has no name, no colon or illegal characters (400).</summary>
    MalformedHeader,

    /// <summary>Via, From, To, Call-ID or CSeq missing (400).</summary>
    MissingRequiredHeader,

    /// <summary>A header that may appear once appears more than once (400).</summary>
    DuplicateSingleValueHeader,

    /// <summary>Content-Length is not a non-negative number (400, closes a stream connection).</summary>
    InvalidContentLength,

    /// <summary>Content-Length absent on a stream transport (400, closes the connection).</summary>
    MissingContentLength,

    /// <summary>Content-Length larger than the datagram (400).</summary>
    ContentLengthExceedsMessage,

    /// <summary>CSeq is not "number method" or the number overflows 2^31-1 (400).</summary>
    InvalidCSeq,

    /// <summary>CSeq method differs from the request method (400).</summary>
    CSeqMethodMismatch,

    /// <summary>Max-Forwards is not a number in 0..255 (400).</summary>
    InvalidMaxForwards,

    /// <summary>A Via value cannot be parsed (400).</summary>
    InvalidVia,

    /// <summary>From, To, Contact, Route or Record-Route value cannot be parsed (400).</summary>
    InvalidAddress,

    /// <summary>Message exceeds <see cref="SipParserOptions.MaxMessageSize"/> (513).</summary>
    MessageTooLarge,

    /// <summary>More header lines than <see cref="SipParserOptions.MaxHeaderCount"/> (513).</summary>
    TooManyHeaders,

    /// <summary>A header line longer than <see cref="SipParserOptions.MaxHeaderLength"/> (513).</summary>
    HeaderTooLong,

    /// <summary>Body longer than <see cref="SipParserOptions.MaxBodySize"/> (413).</summary>
    BodyTooLarge,

    /// <summary>More Via values than <see cref="SipParserOptions.MaxViaCount"/>, a loop is likely (483).</summary>
    TooManyVias,

    /// <summary>Request-URI scheme is not sip, sips or tel (416).</summary>
    UnsupportedUriScheme,

    /// <summary>Require or Proxy-Require names an extension we do not support (420).</summary>
    BadExtension,

    /// <summary>Body Content-Type we do not understand (415).</summary>
    UnsupportedMediaType,

    /// <summary>Accept header excludes every body type we can send (406).</summary>
    NotAcceptable,

    /// <summary>Method we do not implement (501).</summary>
    NotImplemented,

    /// <summary>Max-Forwards reached zero where forwarding was needed (483).</summary>
    TooManyHops,
}
