namespace Parley.Server.WebChat;

/// <summary>The visitor's chat and the session token that opens its socket (and resumes it later).</summary>
public sealed record StartChatResponse(Guid ChatId, string Token, DateTimeOffset ExpiresAt);
