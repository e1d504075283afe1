namespace Parley.Flows.Execution;

/// <summary>A prompt ready to play: rendered text to synthesise, or an uploaded prompt, with the voice and language to use.</summary>
public sealed record PlayPrompt(string? Text, string? PromptId, string? Voice, string? Language);
