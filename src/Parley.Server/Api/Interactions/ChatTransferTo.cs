namespace Parley.Server.Api.Interactions;

/// <summary>Where a chat is transferred: exactly one of a queue serving chats, or an agent (through the chat's queue).</summary>
public sealed record ChatTransferTo(Guid? Queue, Guid? Agent);
