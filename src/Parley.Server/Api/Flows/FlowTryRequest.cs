namespace Parley.Server.Api.Flows;

/// <summary>
/// Body of <c>POST /flows/{id}/try</c>: the typed entries answering the flow's questions in order (keys such as
/// <c>"2"</c>, words such as <c>"support"</c>, <c>"timeout"</c> for silence); <c>version</c> tries that version
/// instead of the draft; <c>caller</c> is <c>call.caller</c>.
/// </summary>
public sealed record FlowTryRequest(IReadOnlyList<string>? Inputs, int? Version, string? Caller);
