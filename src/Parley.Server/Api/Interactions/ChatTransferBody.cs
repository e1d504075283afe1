namespace Parley.Server.Api.Interactions;

/// <summary><c>{ "to": { "queue": id } | { "agent": id }, "note": "…" }</c>, the voice transfer's shape plus a note for the next agent.</summary>
public sealed record ChatTransferBody(ChatTransferTo? To, string? Note);
