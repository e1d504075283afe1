namespace Parley.Voice.Recording;

/// <summary>A part of a recording that was paused (silence in the file), as offsets from the recording's start.</summary>
public sealed record RecordingPause(TimeSpan Start, TimeSpan End);
