using Parley.Server.Recordings;

namespace Parley.Server.Api.Recordings;

/// <summary>
/// A recording's transcription: <c>Status</c> <c>Queued</c>/<c>Running</c> (with <c>Progress</c> 0..100), <c>Done</c>
/// (with <c>Segments</c> per channel in time order) or <c>Failed</c> (with <c>Error</c>).
/// </summary>
public sealed record TranscriptionDto(
    Guid RecordingId,
    string Status,
    int Progress,
    DateTimeOffset RequestedAt,
    DateTimeOffset? CompletedAt,
    string? Engine,
    IReadOnlyList<TranscriptSegmentDto>? Segments,
    string? Error);
