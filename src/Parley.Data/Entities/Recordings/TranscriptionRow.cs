using Parley.Domain.Tenants;

namespace Parley.Data.Entities.Recordings;

/// <summary>
/// The speech-to-text of one recording (table <c>RecordingTranscriptions</c>, key the recording's id): requested, then
/// <c>Running</c> with progress, then <c>Done</c> with the segments per channel or <c>Failed</c> with the reason.
/// </summary>
public sealed class TranscriptionRow : ITenantOwned
{
    public Guid RecordingId { get; set; }

    public Guid TenantId { get; set; }

    /// <summary><c>Queued</c>, <c>Running</c>, <c>Done</c>, <c>Failed</c>.</summary>
    public required string Status { get; set; }

    /// <summary>0..100 while running.</summary>
    public int Progress { get; set; }

    public DateTimeOffset RequestedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public string? Engine { get; set; }

    /// <summary>All words of both channels, in time order, for searching.</summary>
    public string? Text { get; set; }

    /// <summary>The segments (channel, start and end in ms, words) as JSON.</summary>
    public string? SegmentsJson { get; set; }

    public string? Error { get; set; }
}
