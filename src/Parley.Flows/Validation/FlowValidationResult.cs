using Parley.Flows.Model;

namespace Parley.Flows.Validation;

/// <summary>The parsed document (null when the JSON could not be read at all) and every error found.</summary>
public sealed record FlowValidationResult(FlowDocument? Document, IReadOnlyList<FlowValidationError> Errors)
{
    public bool IsValid => Errors.Count == 0 && Document is not null;

    /// <summary>Errors grouped by pointer, the shape of RFC 9457 <c>errors</c> in a 400 answer.</summary>
    public IDictionary<string, string[]> ToDictionary() =>
        Errors.GroupBy(e => e.Pointer, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal);
}
