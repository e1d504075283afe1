namespace Parley.Server.Application.Calls;

/// <summary>The supervisor's phone answered and is on the call: its leg (in the call record) and the mode it is in.</summary>
public sealed record MonitorJoined(Guid LegId, string Mode);
