namespace Parley.Flows.Execution;

/// <summary>Starts the execution (first step).</summary>
public sealed record BeginInput : FlowInput;
