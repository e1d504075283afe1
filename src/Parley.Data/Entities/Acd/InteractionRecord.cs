using Parley.Domain.Tenants;

namespace Parley.Data.Entities.Acd;

/// <summary>
/// An interaction handed to routing, written before it is acknowledged. While <see cref="Status"/> is
/// <c>Waiting</c> or <c>Active</c> it is rebuilt into the tenant's routing engine after a restart, waiting ones in
/// (<see cref="EnqueuedAt"/>, <see cref="Sequence"/>) order.
/// </summary>
public sealed class InteractionRecord : ITenantOwned, IVersioned
{
    public const string Waiting = "Waiting";
    public const string Active = "Active";

    /// <summary>The <see cref="Outcome"/> of an interaction its agent passed on (a chat transferred to a queue or agent).</summary>
    public const string TransferredOutcome = "Transferred";

    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid QueueId { get; set; }

    public required string Channel { get; set; }

    public int Priority { get; set; }

    /// <summary>Caller-supplied key/values (caller number, language, CRM id) as a JSON object.</summary>
    public string Attributes { get; set; } = "{}";

    public DateTimeOffset EnqueuedAt { get; set; }

    public long Sequence { get; set; }

    /// <summary><c>Waiting</c>, <c>Active</c>, <c>Ended</c>, <c>Abandoned</c> or <c>Overflowed</c>.</summary>
    public string Status { get; set; } = Waiting;

    public Guid? AgentId { get; set; }

    public DateTimeOffset? AcceptedAt { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>For <c>Overflowed</c>: the target kind (voicemail, callback, disconnect); for <c>Ended</c>: <see cref="TransferredOutcome"/> or null.</summary>
    public string? Outcome { get; set; }

    /// <summary>The agent's wrap-up notes (free text, at most 2,000 characters), saved when wrap-up is completed.</summary>
    public string? WrapUpNotes { get; set; }

    public long Version { get; set; }
}
