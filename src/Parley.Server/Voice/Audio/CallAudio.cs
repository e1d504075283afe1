using Parley.Flows.Execution;
using Parley.Media.Audio;
using Parley.Speech;
using Parley.Speech.TextToSpeech;
using Parley.Voice.Audio;

namespace Parley.Server.Voice.Audio;

/// <summary>
/// What calls play. Text prompts are synthesised through <see cref="ITextToSpeech"/> (the prompt cache answers those
/// rendered at publish); the voice is the prompt's voice, else its language, else <c>Parley:Speech:DefaultVoice</c>.
/// Uploaded prompts and music on hold come from the tenant's files through a bounded memory cache; every source
/// returned has its own cursor over shared, never-modified samples.
/// </summary>
public sealed class CallAudio(ITextToSpeech speech, SpeechOptions speechOptions, TenantAudioStore store, PromptAudioCache cache, DefaultMusicOnHold fallback)
    : ICallAudio
{
    public async ValueTask<IAudioFrameSource> OpenPromptAsync(Guid tenantId, PlayPrompt prompt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        if (!string.IsNullOrEmpty(prompt.PromptId))
        {
            return new WavPlayback(Uploaded(tenantId, prompt.PromptId) ?? throw new UnknownPromptException(prompt.PromptId));
        }

        if (string.IsNullOrEmpty(prompt.Text))
        {
            throw new ArgumentException("A prompt needs a text or a prompt id.", nameof(prompt));
        }

        var spoken = await speech.SynthesizeAsync(prompt.Text, VoiceOf(prompt, speechOptions), cancellationToken).ConfigureAwait(false);
        return new WavPlayback(spoken.Samples);
    }

    public ValueTask<IAudioFrameSource> OpenMusicOnHoldAsync(Guid tenantId, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult<IAudioFrameSource>(new WavPlayback(cache.Get(store.MusicOnHoldPath(tenantId)) ?? fallback.Samples, loop: true));

    public ValueTask<IAudioFrameSource> OpenMusicOnHoldAsync(Guid tenantId, Guid? promptId, CancellationToken cancellationToken = default) =>
        promptId is { } id && cache.Get(store.PromptPath(tenantId, id)) is { } samples
            ? ValueTask.FromResult<IAudioFrameSource>(new WavPlayback(samples, loop: true))
            : OpenMusicOnHoldAsync(tenantId, cancellationToken);

    /// <summary>The voice a text prompt is spoken with; publish pre-renders with the same rule.</summary>
    public static string VoiceOf(PlayPrompt prompt, SpeechOptions options) =>
        !string.IsNullOrWhiteSpace(prompt.Voice) ? prompt.Voice
        : !string.IsNullOrWhiteSpace(prompt.Language) ? prompt.Language
        : options.DefaultVoice;

    private short[]? Uploaded(Guid tenantId, string promptId) =>
        Guid.TryParse(promptId, out var id) ? cache.Get(store.PromptPath(tenantId, id)) : null;
}
