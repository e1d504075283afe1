namespace Parley.Server.Application.Chats;

/// <summary>A transfer's outcome: the new interaction that now holds the chat (queued for the next agent).</summary>
public sealed record ChatTransferResult(Guid InteractionId);
