namespace Parley.Routing.Tests.Properties;

/// <summary>One random command: <see cref="Kind"/> picks the command, <see cref="A"/> and <see cref="B"/> its arguments.</summary>
public readonly record struct Step(int Kind, int A, int B);
