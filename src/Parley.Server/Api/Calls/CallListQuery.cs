namespace Parley.Server.Api.Calls;

/// <summary>
/// Query of <c>GET /api/v1/calls</c> as sent. Every filter arrives as text so that a bad value answers a field-level
/// 400 problem instead of a binding error; <see cref="CallFilter.TryCreate"/> checks them.
/// </summary>
/// <param name="From">Arrival at or after (ISO 8601).</param>
/// <param name="To">Arrival before (ISO 8601).</param>
/// <param name="QueueId">The queue the call waited in.</param>
/// <param name="AgentId">The agent who answered.</param>
/// <param name="CallerNumber">The caller's number, exactly as recorded (E.164 for trunk calls).</param>
/// <param name="CalledNumber">The number dialled, exactly as recorded.</param>
/// <param name="Disposition">How the call ended: Answered, AbandonedInIvr, AbandonedInQueue, EndedByFlow, Voicemail, Callback, NotAnswered, NodeFailure; or Open.</param>
/// <param name="Limit">Page size, 1–200 (default 50).</param>
/// <param name="Cursor">The <c>nextCursor</c> of the previous page.</param>
public sealed record CallListQuery(
    string? From,
    string? To,
    string? QueueId,
    string? AgentId,
    string? CallerNumber,
    string? CalledNumber,
    string? Disposition,
    int? Limit,
    string? Cursor);
