namespace Parley.Voice.Calls.Outbound;

/// <summary>
/// How a call an agent placed settled (<see cref="OutboundCalls.Settled"/>): connected — both sides answered and talk, and
/// the call's controls are live — with <see cref="FailureCause"/> null, or over without connecting, with the call record's
/// release cause (<c>no_answer</c>, <c>busy</c>, <c>invalid_number</c>, <c>failed_503</c>, <c>agent_no_answer</c>, …).
/// </summary>
public sealed record PlacedCallOutcome(Guid TenantId, Guid CallId, Guid InteractionId, Guid AgentId, string Destination, string? FailureCause)
{
    public bool Connected => FailureCause is null;
}
