namespace Parley.Flows.Execution;

/// <summary>Keys the caller pressed (DTMF), including the terminator if they pressed it.</summary>
public sealed record DigitsInput(string Digits) : FlowInput;
