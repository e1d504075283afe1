namespace Parley.Flows.Validation;

/// <summary>What validation checks names against. A null set or resolver skips that check.</summary>
public sealed class FlowValidationContext
{
    /// <summary>Text-to-speech voices the platform offers.</summary>
    public IReadOnlySet<string>? KnownVoices { get; init; }
    /// <summary>Languages the platform can speak or recognise.</summary>
    public IReadOnlySet<string>? KnownLanguages { get; init; }
    public IFlowReferenceResolver? References { get; init; }
}
