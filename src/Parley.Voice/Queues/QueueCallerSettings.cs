namespace Parley.Voice.Queues;

/// <summary>
/// What a caller waiting in a queue hears and may do: position and estimated wait spoken every
/// <see cref="AnnouncementInterval"/> (null = never); <see cref="BreakoutDigit"/> takes them to the published flow
/// <see cref="BreakoutFlowId"/>; <see cref="MusicOnHoldPromptId"/> is an uploaded prompt looped instead of the tenant's
/// music on hold (null = the tenant's, <see cref="Audio.ICallAudio.OpenMusicOnHoldAsync"/>).
/// <see cref="RecordingPercent"/> is the queue's recording policy: 100 all calls, 0 none, else that share of calls.
/// <see cref="VoicemailGreetingPromptId"/> is the uploaded greeting of an overflow to voicemail (null = a spoken default).
/// </summary>
public sealed record QueueCallerSettings(
    TimeSpan? AnnouncementInterval,
    char? BreakoutDigit,
    Guid? BreakoutFlowId,
    Guid? MusicOnHoldPromptId,
    int RecordingPercent = 100,
    Guid? VoicemailGreetingPromptId = null)
{
    /// <summary>What a queue created without caller settings has.</summary>
    public static QueueCallerSettings Default { get; } = new(TimeSpan.FromSeconds(30), null, null, null);
}
