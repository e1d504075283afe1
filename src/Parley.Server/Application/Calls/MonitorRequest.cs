namespace Parley.Server.Application.Calls;

/// <summary><c>{ "mode": "listen" | "whisper" | "barge" }</c>.</summary>
public sealed record MonitorRequest(string? Mode);
