namespace Parley.Flows.Execution;

/// <summary>A <see cref="PlayAction"/> finished (or was barged into).</summary>
public sealed record PromptFinishedInput : FlowInput;
