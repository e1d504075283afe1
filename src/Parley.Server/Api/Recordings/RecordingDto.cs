using Parley.Data.Entities.Recordings;

namespace Parley.Server.Api.Recordings;

/// <summary>
/// One recording's metadata. <c>ChannelLayout</c> says what each channel holds (<c>stereo:customer,agent</c>: left the
/// customer, right the agent side); <c>DeletedAt</c>/<c>DeletedReason</c> (<c>retention</c>, <c>admin</c>) are set once
/// the file is gone.
/// </summary>
public sealed record RecordingDto(
    Guid Id,
    Guid CallId,
    Guid? QueueId,
    Guid? AgentId,
    DateTimeOffset StartedAt,
    DateTimeOffset EndedAt,
    long DurationMs,
    long SizeBytes,
    string Sha256,
    int PauseCount,
    string ChannelLayout,
    DateTimeOffset? DeletedAt,
    string? DeletedReason)
{
    public static RecordingDto From(RecordingRow r) => new(
        r.Id, r.CallId, r.QueueId, r.AgentId, r.StartedAt, r.EndedAt, r.DurationMs, r.SizeBytes, r.Sha256, r.PauseCount, r.ChannelLayout,
        r.DeletedAt, r.DeletedReason);
}
