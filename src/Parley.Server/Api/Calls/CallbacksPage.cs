namespace Parley.Server.Api.Calls;

/// <summary>The answer of <c>GET /api/v1/callbacks</c>.</summary>
public sealed record CallbacksPage(IReadOnlyList<CallbackDto> Items);
