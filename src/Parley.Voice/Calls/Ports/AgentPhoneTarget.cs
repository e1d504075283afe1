namespace Parley.Voice.Calls.Ports;

/// <summary>A SIP URI to INVITE for an agent, and the agent's name for the records and logs.</summary>
public sealed record AgentPhoneTarget(string Uri, string AgentName);
