namespace Parley.Voice.Calls.Ports;

/// <summary>A SIP URI to INVITE for an agent, and the agent's name for the records and logs.</summary>
public sealed record AgentPhoneTarget(string Uri, string AgentName)
{
    /// <summary>The proxies the phone registered through (its RFC 3327 Path), which the INVITE must pass; usually none.</summary>
    public IReadOnlyList<string> Route { get; init; } = [];
}
