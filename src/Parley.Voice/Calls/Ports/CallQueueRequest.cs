namespace Parley.Voice.Calls.Ports;

/// <summary>
/// Put <paramref name="InteractionId"/> in <paramref name="Queue"/> (an id or a name of the tenant's queues), offered first to
/// <paramref name="PreferredAgentId"/> when given (a transfer to an agent; the queue's preferred-agent timeout applies).
/// <paramref name="EnqueuedAt"/> keeps an earlier place in line (a callback keeps the caller's); null: now.
/// <paramref name="Deferred"/> marks work the customer left behind (a callback): it waits without the queue's overflow rules.
/// </summary>
public sealed record CallQueueRequest(
    Guid TenantId,
    Guid InteractionId,
    string Queue,
    int Priority,
    IReadOnlyDictionary<string, string> Attributes,
    Guid? PreferredAgentId = null,
    DateTimeOffset? EnqueuedAt = null,
    bool Deferred = false);
