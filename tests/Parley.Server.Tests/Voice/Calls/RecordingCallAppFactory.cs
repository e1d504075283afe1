namespace Parley.Server.Tests.Voice.Calls;

/// <summary>The voice demo server with every answered call recorded (under the test's data directory).</summary>
public sealed class RecordingCallAppFactory : VoiceCallAppFactory
{
    public string RecordingsDirectory => Path.Combine(DataDirectory, "recordings");

    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings =>
    [
        .. base.ExtraSettings,
        new("Parley:Calls:Record", "true"),
    ];
}
