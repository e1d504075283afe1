using Parley.Media.Rtp;

namespace Parley.Media;

/// <summary>Receives the payload of an audio RTP packet; the span is only valid during the call.</summary>
public delegate void AudioPayloadHandler(MediaSession session, in RtpHeader header, ReadOnlySpan<byte> payload);
