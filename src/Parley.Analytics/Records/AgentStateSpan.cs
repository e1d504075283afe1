namespace Parley.Analytics.Records;

/// <summary>One stretch of an agent's state history: <c>[Start, End)</c>; <paramref name="Reason"/> for not-ready.</summary>
public sealed record AgentStateSpan(string AgentId, AgentState State, string? Reason, DateTimeOffset Start, DateTimeOffset End);
