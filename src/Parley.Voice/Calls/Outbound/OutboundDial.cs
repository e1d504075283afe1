using Parley.Voice.Calls.Ports;

namespace Parley.Voice.Calls.Outbound;

/// <summary>
/// A call <paramref name="AgentId"/> places: Parley rings <paramref name="AgentPhone"/> first and, when it answers, calls
/// <paramref name="Destination"/> and bridges the two. <paramref name="QueueId"/> is the queue whose wrap-up and history
/// the call's ACD interaction takes; <paramref name="AgentExtension"/> is what an internal call shows as the caller.
/// </summary>
public sealed record OutboundDial(
    Guid TenantId,
    Guid AgentId,
    string? AgentExtension,
    AgentPhoneTarget AgentPhone,
    Guid QueueId,
    OutboundDestination Destination);
