namespace Parley.Voice.Records;

/// <summary>One SIP leg of a call (the caller's, or one towards an agent's phone), saved like <see cref="CallRecord"/>.</summary>
public sealed record CallLegRecord
{
    public required Guid Id { get; init; }
    public required Guid CallId { get; init; }
    public required Guid TenantId { get; init; }
    public required CallParty Party { get; init; }
    public required string SipCallId { get; init; }
    /// <summary>The remote party: the caller's number, or the URI Parley called.</summary>
    public string? Address { get; init; }
    public Guid? AgentId { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? RingingAt { get; init; }
    public DateTimeOffset? AnsweredAt { get; init; }
    public DateTimeOffset? EndedAt { get; init; }
    /// <summary>The final SIP status of an outgoing leg (200, 486, 487, 408, ...).</summary>
    public int? SipStatus { get; init; }
    public string? ReleaseCause { get; init; }
}
