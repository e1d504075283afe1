namespace Parley.Server.Api.Interactions;

/// <summary>The agent started (<c>true</c>) or stopped typing.</summary>
public sealed record ChatTypingRequest(bool On);
