using Parley.Domain.Tenants;

namespace Parley.Data.Entities.Voice;

/// <summary>One SIP leg of a call (table <c>CallLegs</c>); ring and talk durations in milliseconds once it ended.</summary>
public sealed class CallLegRow : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid CallId { get; set; }

    public Guid TenantId { get; set; }

    /// <summary><c>Caller</c>, <c>Agent</c> or <c>System</c>.</summary>
    public required string Party { get; set; }

    public required string SipCallId { get; set; }

    public string? Address { get; set; }

    public Guid? AgentId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? RingingAt { get; set; }

    public DateTimeOffset? AnsweredAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    public int? SipStatus { get; set; }

    public string? ReleaseCause { get; set; }

    public long? RingMs { get; set; }

    public long? TalkMs { get; set; }
}
