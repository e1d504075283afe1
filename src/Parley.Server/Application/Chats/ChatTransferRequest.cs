namespace Parley.Server.Application.Chats;

/// <summary>
/// Where a chat goes (<c>"to"</c>: exactly one of a queue, or an agent reached through the chat's queue) and a note for the
/// next agent, who sees it with the transcript and the pre-chat answers. The customer never sees the note.
/// </summary>
public sealed record ChatTransferRequest(Guid? Queue, Guid? Agent, string? Note);
