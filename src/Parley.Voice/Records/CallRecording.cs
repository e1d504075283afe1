namespace Parley.Voice.Records;

/// <summary>
/// A call's finished recording as the CDR carries it: saved with the record, which stores it as a <c>Recordings</c>
/// row (once: a finished recording does not change). <see cref="RelativePath"/> is under the recordings directory,
/// with '/' separators.
/// </summary>
public sealed record CallRecording(
    Guid Id,
    string RelativePath,
    DateTimeOffset StartedAt,
    DateTimeOffset EndedAt,
    TimeSpan Duration,
    long SizeBytes,
    string Sha256,
    int PauseCount,
    string ChannelLayout)
{
    /// <summary>The layout of every call recording today: left the customer, right the agent side.</summary>
    public const string StereoCustomerAgent = "stereo:customer,agent";
}
