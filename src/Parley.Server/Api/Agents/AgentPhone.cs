namespace Parley.Server.Api.Agents;

/// <summary>
/// How an agent's phone is reached: <c>None</c>; <c>Registered</c> — the devices registered with the agent's own SIP
/// credential (<see cref="SipCredentialId"/>); or <c>Uri</c> — a fixed <c>sip:</c>/<c>sips:</c> URI (desk phone, remote number).
/// </summary>
public sealed record AgentPhone(string Kind, Guid? SipCredentialId = null, string? Uri = null);
