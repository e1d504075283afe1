namespace Parley.Flows.Execution;

/// <summary>What the host knows about the call when the flow starts (the <c>call.*</c> references).</summary>
public sealed record CallInfo(string? CallId, string? Caller, string? Called, string Channel = "voice", string TimeZone = "UTC");
