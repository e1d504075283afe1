namespace Parley.Flows.Execution;

/// <summary>The host could not carry out a transfer (queue closed, agent busy, trunk refused, ...).</summary>
public sealed record TransferFailedInput(string Reason) : FlowInput;
