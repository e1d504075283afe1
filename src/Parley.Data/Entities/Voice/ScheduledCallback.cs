using Parley.Domain.Tenants;

namespace Parley.Data.Entities.Voice;

/// <summary>
/// A callback waiting for its time before it joins its queue: requested for later through the API, or the next attempt
/// after the customer did not answer. <see cref="InteractionId"/> is fixed up front, so queueing it twice (a node that
/// stopped between queueing and deleting the row) is refused by routing as a duplicate.
/// </summary>
public sealed class ScheduledCallback : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    /// <summary>The ACD interaction the callback becomes when it is due.</summary>
    public Guid InteractionId { get; set; }

    public Guid QueueId { get; set; }

    /// <summary>The customer's number, E.164.</summary>
    public required string Number { get; set; }

    /// <summary>The tenant's number the customer had called (the caller ID presented under <c>CalledNumber</c> trunks).</summary>
    public string? CalledNumber { get; set; }

    /// <summary>The call the callback came from, if any.</summary>
    public Guid? CallId { get; set; }

    /// <summary>1 for the first attempt, 2 for the first retry, …</summary>
    public int Attempt { get; set; }

    /// <summary>Whom Parley calls first: <c>preview</c> (the agent) or <c>customerFirst</c>.</summary>
    public string Mode { get; set; } = "preview";

    public DateTimeOffset DueAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
