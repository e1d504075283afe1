using Parley.Routing.Agents;

namespace Parley.Routing.Events;

/// <summary>The agent's reported state or not-ready reason changed. <paramref name="Forced"/>: by a supervisor or the engine.</summary>
public sealed record AgentStateChanged(
    DateTimeOffset At, AgentId AgentId, AgentState Previous, AgentState Current, string? ReasonCode, bool Forced)
    : RoutingEvent(At);
