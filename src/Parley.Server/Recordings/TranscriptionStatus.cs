namespace Parley.Server.Recordings;

/// <summary>The states of a recording's transcription (<c>RecordingTranscriptions.Status</c>).</summary>
public static class TranscriptionStatus
{
    public const string Queued = "Queued";
    public const string Running = "Running";
    public const string Done = "Done";
    public const string Failed = "Failed";
}
