namespace Parley.Server.Application.Agents;

/// <summary>
/// One interaction in the agent's hands (offered, active or owing wrap-up) with what the workspace shows about it: channel,
/// queue, the attributes carried from the queue or flow, the queue's wrap-up rules, when the offer started ringing and when it expires,
/// when an owed wrap-up ends on its own (the queue's time limit, as the routing engine started it; null when it waits for the agent), and
/// the customer's previous interactions (matched on <see cref="CustomerKey"/>).
/// </summary>
public sealed record WorkItemView(
    Guid InteractionId,
    WorkItemStatus Status,
    string Channel,
    Guid QueueId,
    string QueueName,
    IReadOnlyDictionary<string, string> Attributes,
    DateTimeOffset EnqueuedAt,
    DateTimeOffset? AcceptedAt,
    DateTimeOffset? OfferedAt,
    DateTimeOffset? OfferExpiresAt,
    string WrapUpMode,
    IReadOnlyList<string> WrapUpCodes,
    DateTimeOffset? WrapUpEndsAt,
    string? CustomerKey,
    IReadOnlyList<PreviousInteractionView> PreviousInteractions);
