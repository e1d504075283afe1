namespace Parley.Server.Api.Prompts;

/// <summary>The tenant's music on hold after a change: its own upload (<see cref="Custom"/>) or the shipped default.</summary>
public sealed record MusicOnHoldDto(bool Custom, int DurationMs, long SizeBytes, string Sha256);
