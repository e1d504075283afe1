namespace Parley.Speech.TextToSpeech;

/// <summary>
/// Turns text into 8 kHz 16-bit mono PCM, ready to encode as G.711. Implementations are thread-safe; a voice is a
/// language tag the engine lists in <see cref="GetVoicesAsync"/> (e.g. <c>en-us</c>, <c>cmn</c>).
/// </summary>
public interface ITextToSpeech
{
    /// <summary>The voices this engine can speak, so a flow validator can refuse unknown ones.</summary>
    ValueTask<IReadOnlyList<SpeechVoice>> GetVoicesAsync(CancellationToken cancellationToken = default);

    /// <summary>Renders <paramref name="text"/>; throws <see cref="UnknownVoiceException"/> for a voice not listed.</summary>
    ValueTask<SynthesizedSpeech> SynthesizeAsync(string text, string voice, CancellationToken cancellationToken = default);
}
