namespace Parley.Voice.Calls.Ports;

/// <summary>
/// Start <paramref name="InteractionId"/> as <paramref name="AgentId"/>'s own call (channel Voice) in
/// <paramref name="QueueId"/>, which gives it wrap-up and history; <paramref name="Attributes"/> are stored with it.
/// </summary>
public sealed record DirectCallRequest(
    Guid TenantId,
    Guid InteractionId,
    Guid AgentId,
    Guid QueueId,
    IReadOnlyDictionary<string, string> Attributes);
