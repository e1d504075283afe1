namespace Parley.Speech.TextToSpeech;

/// <summary>A voice an engine offers: the identifier flows use, a readable name, and other tags that select it.</summary>
public sealed record SpeechVoice(string Id, string Name, IReadOnlyList<string> Aliases);
