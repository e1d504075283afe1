namespace Parley.Server.Recordings;

/// <summary>Words heard on one channel (<c>customer</c> or <c>agent</c>) between two offsets from the recording's start.</summary>
public sealed record TranscriptSegmentDto(string Channel, long StartMs, long EndMs, string Text);
