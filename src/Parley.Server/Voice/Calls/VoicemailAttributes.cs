namespace Parley.Server.Voice.Calls;

/// <summary>The attributes a voicemail interaction carries (routing stores them with the interaction).</summary>
public static class VoicemailAttributes
{
    /// <summary><c>kind</c>: <see cref="Voicemail"/> tells a voicemail from a live call or a callback.</summary>
    public const string Kind = "kind";
    public const string Voicemail = "voicemail";

    /// <summary>The call the message was left on; its recording row holds the audio.</summary>
    public const string CallId = "callId";
    public const string RecordingId = "voicemailRecordingId";
    public const string CallerNumber = "callerNumber";
    public const string DurationSeconds = "voicemailSeconds";
}
