namespace Parley.Flows.Model;

/// <summary>An edge out of a block: the JSON field that holds it and the block id it names.</summary>
/// <param name="Field">The field's JSON Pointer relative to the block, without a leading slash (e.g. <c>options/0/next</c>).</param>
/// <param name="Target">The id of the block it leads to; null when the field is absent.</param>
/// <param name="Bounded">True when taking this edge is bounded by a counter (a loop's body), so a cycle through it cannot spin for ever.</param>
public readonly record struct FlowTransition(string Field, string? Target, bool Bounded = false);
