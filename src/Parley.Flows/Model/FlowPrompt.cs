namespace Parley.Flows.Model;

/// <summary>What to say: text-to-speech <see cref="Text"/> (a template) or an uploaded prompt <see cref="PromptId"/>.</summary>
public sealed class FlowPrompt
{
    public string? Text { get; init; }
    public string? PromptId { get; init; }
    /// <summary>Voice for text-to-speech; defaults to the execution's voice.</summary>
    public string? Voice { get; init; }
    /// <summary>Language for text-to-speech; defaults to the execution's language.</summary>
    public string? Language { get; init; }
}
