namespace Parley.Server.Api.Interactions;

/// <summary>The agent's chat message (text, never HTML; 1–4,000 characters).</summary>
public sealed record SendChatMessageRequest(string? Text);
