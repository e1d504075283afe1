namespace Parley.Media;

/// <summary>RTP counters summed over every media session closed since start (see <see cref="MediaEngine.ClosedSessions"/>).</summary>
public readonly record struct ClosedSessionTotals(long PacketsSent, long PacketsReceived, long PacketsLost, long OutgoingFramesDropped);
