namespace Parley.Speech.TextToSpeech;

/// <summary>Finds a voice by its id or an alias, case-insensitively.</summary>
public static class VoiceLookup
{
    public static SpeechVoice? Find(IReadOnlyList<SpeechVoice> voices, string voice)
    {
        ArgumentNullException.ThrowIfNull(voices);
        if (string.IsNullOrWhiteSpace(voice))
        {
            return null;
        }

        return voices.FirstOrDefault(v => string.Equals(v.Id, voice, StringComparison.OrdinalIgnoreCase))
            ?? voices.FirstOrDefault(v => v.Aliases.Contains(voice, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>True when <paramref name="engine"/> lists <paramref name="voice"/>; for validators.</summary>
    public static async ValueTask<bool> IsKnownAsync(this ITextToSpeech engine, string voice, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(engine);
        return Find(await engine.GetVoicesAsync(cancellationToken).ConfigureAwait(false), voice) is not null;
    }
}
