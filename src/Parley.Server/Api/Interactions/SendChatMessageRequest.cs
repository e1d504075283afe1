namespace Parley.Server.Api.Interactions;

/// <summary>The agent's chat message (text, never HTML; 1–4,000 characters; may be empty when it carries <paramref name="AttachmentId"/>).</summary>
public sealed record SendChatMessageRequest(string? Text, Guid? AttachmentId = null);
