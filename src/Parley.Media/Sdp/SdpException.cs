namespace Parley.Media.Sdp;

/// <summary>An SDP body that cannot be parsed or negotiated. <see cref="Error"/> says why.</summary>
public sealed class SdpException : FormatException
{
    public SdpException()
        : this(SdpError.MalformedLine, "Malformed SDP.")
    {
    }

    public SdpException(string message)
        : this(SdpError.MalformedLine, message)
    {
    }

    public SdpException(string message, Exception innerException)
        : base(message, innerException)
    {
        Error = SdpError.MalformedLine;
    }

    public SdpException(SdpError error, string message)
        : base(message)
    {
        Error = error;
    }

    public SdpError Error { get; }

    public int SipStatus => Error.ToSipStatus();
}
