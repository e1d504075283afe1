using Parley.Flows.Validation;

namespace Parley.Server.Api.Flows;

/// <summary>What publishing the draft would find wrong now: <c>errors</c> keyed by JSON Pointer, as a 400 would give them.</summary>
public sealed record FlowDraftValidation(bool Valid, IDictionary<string, string[]> Errors)
{
    public static FlowDraftValidation From(FlowValidationResult result) => new(result.IsValid, result.ToDictionary());
}
