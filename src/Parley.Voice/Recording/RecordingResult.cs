namespace Parley.Voice.Recording;

/// <summary>What a finished recording holds: its length, size on disk, SHA-256 of the file and the paused spans.</summary>
public sealed record RecordingResult(TimeSpan Duration, long SizeBytes, string Sha256, int Channels, IReadOnlyList<RecordingPause> Pauses);
