namespace Parley.Media.Dtmf;

/// <summary>A detected digit and how long it was held.</summary>
public readonly record struct DtmfDigit(char Digit, TimeSpan Duration);
