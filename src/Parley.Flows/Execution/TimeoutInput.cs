namespace Parley.Flows.Execution;

/// <summary>The wait for input expired with nothing entered.</summary>
public sealed record TimeoutInput : FlowInput;
