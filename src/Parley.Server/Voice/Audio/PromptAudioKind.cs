namespace Parley.Server.Voice.Audio;

/// <summary>The upload formats Parley converts: WAV (PCM 16-bit, µ-law, A-law) and MP3.</summary>
public enum PromptAudioKind
{
    Wav,
    Mp3,
}
