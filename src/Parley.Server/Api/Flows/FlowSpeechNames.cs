namespace Parley.Server.Api.Flows;

/// <summary>Known voice and language names (sets ignoring case).</summary>
public sealed record FlowSpeechNames(IReadOnlySet<string> Voices, IReadOnlySet<string> Languages);
