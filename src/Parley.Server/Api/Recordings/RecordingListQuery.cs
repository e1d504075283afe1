namespace Parley.Server.Api.Recordings;

/// <summary>
/// Query of <c>GET /api/v1/recordings</c> as sent; <see cref="RecordingFilter.TryCreate"/> checks it.
/// </summary>
/// <param name="From">Started at or after (ISO 8601).</param>
/// <param name="To">Started before (ISO 8601).</param>
/// <param name="QueueId">The queue of the call.</param>
/// <param name="AgentId">The agent of the call.</param>
/// <param name="CallId">The call record (CDR) id.</param>
/// <param name="Text">Words the recording's transcription contains (case-insensitive).</param>
/// <param name="Deleted">true: also recordings whose file was deleted (default false).</param>
/// <param name="Limit">Page size, 1–200 (default 50).</param>
/// <param name="Cursor">The <c>nextCursor</c> of the previous page.</param>
public sealed record RecordingListQuery(
    string? From,
    string? To,
    string? QueueId,
    string? AgentId,
    string? CallId,
    string? Text,
    bool? Deleted,
    int? Limit,
    string? Cursor);
