namespace Parley.Server.Tests.Voice.Calls;

/// <summary>The voice demo server with callback retries 2 s apart and scheduled callbacks looked for every 200 ms.</summary>
public sealed class CallbackScheduleAppFactory : VoiceCallAppFactory
{
    public static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings =>
    [
        .. base.ExtraSettings,
        new("Parley:Calls:Callbacks:RetryDelay", "00:00:02"),
        new("Parley:Calls:Callbacks:PollInterval", "00:00:00.200"),
        new("Parley:Calls:Callbacks:MaxAttempts", "2"),
    ];
}
