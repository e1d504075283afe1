namespace Parley.Media.Codecs;

/// <summary>The narrowband codecs Parley speaks. Values are their static RTP payload types (RFC 3551).</summary>
public enum AudioCodec
{
    Pcmu = 0,
    Pcma = 8,
}
