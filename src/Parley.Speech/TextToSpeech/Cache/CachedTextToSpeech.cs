namespace Parley.Speech.TextToSpeech.Cache;

/// <summary>
/// An <see cref="ITextToSpeech"/> in front of another that keeps what it renders in a <see cref="PromptCache"/>:
/// a prompt heard before is read from disk, never synthesised again, and the prompts heard recently are served from
/// memory (bounded; the samples are shared and never modified). Also renders prompts ahead of time.
/// </summary>
public sealed class CachedTextToSpeech : ITextToSpeech, IPromptPrerenderer
{
    private readonly ITextToSpeech _engine;
    private readonly PromptCache _cache;
    private readonly string _engineId;
    private readonly PromptMemory _memory;

    /// <param name="engineId">Part of every key, so two engines (or versions) never share files.</param>
    /// <param name="memoryMaxBytes">Bound of the in-memory layer (default 32 MiB, about 35 minutes of 8 kHz speech); 0 turns it off.</param>
    public CachedTextToSpeech(ITextToSpeech engine, PromptCache cache, string engineId, long memoryMaxBytes = 32L * 1024 * 1024)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(memoryMaxBytes);
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentException.ThrowIfNullOrWhiteSpace(engineId);
        _engine = engine;
        _cache = cache;
        _engineId = engineId;
        _memory = new PromptMemory(memoryMaxBytes);
    }

    public ValueTask<IReadOnlyList<SpeechVoice>> GetVoicesAsync(CancellationToken cancellationToken = default) =>
        _engine.GetVoicesAsync(cancellationToken);

    public async ValueTask<SynthesizedSpeech> SynthesizeAsync(string text, string voice, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(voice);
        if (_memory.TryGet(voice, text) is { } remembered)
        {
            return new SynthesizedSpeech(remembered, fromCache: true);
        }

        var key = await KeyAsync(text, voice, cancellationToken).ConfigureAwait(false);
        if (_cache.TryRead(key) is { } cached)
        {
            _memory.Add(voice, text, cached);
            return new SynthesizedSpeech(cached, fromCache: true);
        }

        var rendered = await _engine.SynthesizeAsync(text, voice, cancellationToken).ConfigureAwait(false);
        _cache.Write(key, rendered.Samples);
        _memory.Add(voice, text, rendered.Samples);
        return rendered;
    }

    public async ValueTask<int> PrerenderAsync(IEnumerable<SpeechPrompt> prompts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prompts);
        var rendered = 0;
        foreach (var prompt in prompts.Distinct())
        {
            var key = await KeyAsync(prompt.Text, prompt.Voice, cancellationToken).ConfigureAwait(false);
            if (_cache.Contains(key))
            {
                continue;
            }

            var speech = await _engine.SynthesizeAsync(prompt.Text, prompt.Voice, cancellationToken).ConfigureAwait(false);
            _cache.Write(key, speech.Samples);
            rendered++;
        }

        return rendered;
    }

    private async ValueTask<string> KeyAsync(string text, string voice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(voice);
        var found = VoiceLookup.Find(await _engine.GetVoicesAsync(cancellationToken).ConfigureAwait(false), voice)
            ?? throw new UnknownVoiceException(voice);
        return PromptCache.Key(_engineId, found.Id, text);
    }
}
