namespace Parley.Sip.Parsing;

/// <summary>The only exception the SIP parser throws: malformed or over-limit input.</summary>
public sealed class SipParseException : Exception
{
    public SipParseException()
        : this(SipRejectionReason.MalformedStartLine)
    {
    }

    public SipParseException(string message)
        : base(message)
    {
        Reason = SipRejectionReason.MalformedStartLine;
    }

    public SipParseException(string message, Exception innerException)
        : base(message, innerException)
    {
        Reason = SipRejectionReason.MalformedStartLine;
    }

    public SipParseException(SipRejectionReason reason)
        : base("SIP message rejected: " + reason)
    {
        Reason = reason;
    }

    /// <summary>Why the message was rejected.</summary>
    public SipRejectionReason Reason { get; }

    /// <summary>The SIP status code that answers the rejection.</summary>
    public int StatusCode => Reason.ToStatusCode();
}
