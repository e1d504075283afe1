namespace Parley.Flows.Execution;

/// <summary>Words the recogniser heard, with its confidence in [0, 1].</summary>
public sealed record SpeechInput(string Words, double Confidence) : FlowInput;
