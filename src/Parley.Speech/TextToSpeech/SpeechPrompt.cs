namespace Parley.Speech.TextToSpeech;

/// <summary>A static prompt of a flow: its text and voice.</summary>
public readonly record struct SpeechPrompt(string Text, string Voice);
