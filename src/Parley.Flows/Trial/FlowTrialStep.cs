namespace Parley.Flows.Trial;

/// <summary>
/// One action of a trial run: its kind (<c>play</c>, <c>gather</c>, <c>http</c>, <c>transferToQueue</c>, ...,
/// <c>hangUp</c>), the prompts spoken, a detail (queue, URL, reason) and the typed input that answered it.
/// </summary>
public sealed record FlowTrialStep(string Kind, IReadOnlyList<string> Prompts, string? Detail, string? Input);
