namespace Parley.Flows.Execution;

/// <summary>Play the prompts in order, then answer <see cref="FlowInput.PromptFinished"/> (a key press may cut it short when <see cref="BargeIn"/>).</summary>
public sealed record PlayAction(IReadOnlyList<PlayPrompt> Prompts, bool BargeIn) : FlowAction;
