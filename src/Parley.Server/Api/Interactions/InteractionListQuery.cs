namespace Parley.Server.Api.Interactions;

/// <summary>
/// Query of <c>GET /api/v1/interactions</c> as sent. Every filter arrives as text so that a bad value answers a
/// field-level 400 problem instead of a binding error; <see cref="InteractionFilter.TryCreate"/> checks them.
/// </summary>
public sealed record InteractionListQuery(
    string? State,
    string? QueueId,
    string? Channel,
    string? AgentId,
    string? CreatedFrom,
    string? CreatedTo,
    int? Limit,
    string? Cursor);
