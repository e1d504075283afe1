using Parley.Sip.Messages;

namespace Parley.Voice.Numbers;

/// <summary>The answer for one inbound INVITE: the outcome and, for a known number, the number's id, tenant, target and trunk.</summary>
public sealed record InboundResolution(
    InboundOutcome Outcome,
    string? Number = null,
    Guid? TenantId = null,
    InboundTargetKind TargetKind = InboundTargetKind.None,
    Guid? TargetId = null,
    Guid? TrunkId = null,
    SipResponse? Challenge = null,
    Guid? NumberId = null)
{
    public static InboundResolution NotANumber { get; } = new(InboundOutcome.NotANumber);

    public static InboundResolution Unknown(string number) => new(InboundOutcome.UnknownNumber, number);

    /// <summary>The SIP status the edge answers with when the call stops here, or 0 when it goes on.</summary>
    public int RejectStatus => Outcome switch
    {
        InboundOutcome.UnknownNumber => 404,
        InboundOutcome.SourceNotAllowed or InboundOutcome.TenantSuspended => 403,
        InboundOutcome.TenantUnavailable => 503,
        _ => 0,
    };
}
