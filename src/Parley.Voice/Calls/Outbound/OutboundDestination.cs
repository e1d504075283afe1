using Parley.Voice.Calls.Ports;

namespace Parley.Voice.Calls.Outbound;

/// <summary>Who an agent's own call goes to once their phone answers.</summary>
public abstract record OutboundDestination
{
    /// <summary>
    /// An outside number (E.164) through <paramref name="Trunk"/>, presenting <paramref name="CallerId"/> (the trunk's
    /// caller-ID policy applied by the caller of <see cref="OutboundCalls.DialAsync"/>; null sends <c>anonymous</c>).
    /// </summary>
    public sealed record Number(string E164, OutboundTrunk Trunk, string? CallerId) : OutboundDestination;

    /// <summary>Another agent of the tenant by extension: their phone rings with the calling agent's name and extension.</summary>
    public sealed record Agent(Guid AgentId, string Extension, AgentPhoneTarget Phone) : OutboundDestination;
}
