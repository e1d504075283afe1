using Parley.Media.Codecs;

namespace Parley.Media.Sdp;

/// <summary>
/// The outcome of offer/answer for the audio stream, from our side: which codec and payload types to use,
/// where to send, and whether we may send (<see cref="MediaDirection.Send"/>) or should expect media.
/// </summary>
public sealed record NegotiatedAudio(
    AudioCodec Codec,
    int PayloadType,
    int? TelephoneEventPayloadType,
    string RemoteAddress,
    int RemotePort,
    MediaDirection Direction,
    int RemotePtimeMs)
{
    public bool CanSend => (Direction & MediaDirection.Send) != 0;

    public bool CanReceive => (Direction & MediaDirection.Receive) != 0;

    /// <summary>The peer's RTCP port: RTP + 1 (RFC 3550 §11) unless <c>a=rtcp</c> said otherwise.</summary>
    public int RemoteRtcpPort { get; init; } = RemotePort + 1;
}
