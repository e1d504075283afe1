namespace Parley.Server.WebChat;

/// <summary>What a visitor's session token says: their chat (the interaction's id), its tenant and widget.</summary>
internal sealed record ChatSession(Guid TenantId, Guid ConversationId, Guid WidgetId, DateTimeOffset ExpiresAt);
