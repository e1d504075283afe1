namespace Parley.Media.Sdp;

/// <summary>Why an SDP body was rejected. Every value maps to a SIP answer through <see cref="SdpErrorExtensions.ToSipStatus"/>.</summary>
public enum SdpError
{
    Empty,
    TooLarge,
    MalformedLine,
    MissingVersion,
    UnsupportedVersion,
    MissingOrigin,
    MalformedOrigin,
    MissingSessionName,
    MalformedConnection,
    MissingConnection,
    MalformedMedia,
    MalformedAttribute,
    TooManyMediaStreams,
    NoMediaStreams,
    NoCommonCodec,
    StreamCountMismatch,
    AnswerRejectedAudio,
}
