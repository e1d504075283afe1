namespace Parley.Speech.Transcription;

/// <summary>Words heard between <see cref="Start"/> and <see cref="End"/> (offsets from the audio's start), lower-case.</summary>
public sealed record TranscriptSegment(TimeSpan Start, TimeSpan End, string Text);
