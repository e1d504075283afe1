namespace Parley.Media.Rtp;

/// <summary>The fixed RTP header fields (RFC 3550 §5.1) plus where the payload sits in the packet.</summary>
public readonly record struct RtpHeader(
    bool Marker,
    byte PayloadType,
    ushort SequenceNumber,
    uint Timestamp,
    uint Ssrc)
{
    public const int FixedLength = 12;

    public bool Padding { get; init; }

    public bool Extension { get; init; }

    public int CsrcCount { get; init; }

    /// <summary>Offset of the payload: fixed header, CSRCs and header extension.</summary>
    public int PayloadOffset { get; init; } = FixedLength;

    /// <summary>Payload length without padding.</summary>
    public int PayloadLength { get; init; }
}
