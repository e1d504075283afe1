namespace Parley.Media;

/// <summary>A snapshot of one session's counters (RFC 3550 receive statistics plus what the peer reported).</summary>
public sealed record MediaSessionStatistics(
    long PacketsSent,
    long PacketsReceived,
    long PacketsLost,
    TimeSpan Jitter,
    long InvalidPackets,
    long PacketsFromOtherSources,
    long DigitsReceived)
{
    /// <summary>Loss the peer reported in its last RTCP report block about us, 0..1; null before any report.</summary>
    public double? RemoteFractionLost { get; init; }

    /// <summary>Jitter the peer reported about our stream.</summary>
    public TimeSpan? RemoteJitter { get; init; }

    public long RtcpReportsReceived { get; init; }

    /// <summary>Sends the socket refused (peer unreachable, buffer full).</summary>
    public long SendErrors { get; init; }

    /// <summary>Frames dropped from the outgoing buffer because it was full (the peer sent faster than we pace).</summary>
    public long OutgoingFramesDropped { get; init; }
}
