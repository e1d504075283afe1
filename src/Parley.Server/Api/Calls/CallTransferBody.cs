using Parley.Server.Application.Calls;

namespace Parley.Server.Api.Calls;

/// <summary><c>{ "to": { "queue": id } | { "agent": id } | { "number": "+1…" } | { "flow": id } }</c>.</summary>
public sealed record CallTransferBody(CallTransferRequest? To);
