using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Parley.Speech.Recognition.PocketSphinx;

/// <summary>
/// Keyword recognition with pocketsphinx (Debian <c>libpocketsphinx3</c> and the <c>pocketsphinx-en-us</c> model)
/// through its C API: a JSGF grammar "one of the keywords", a posterior-probability confidence, the decoder's voice
/// activity detector to notice the end of speech. Decoders are loaded once (up to
/// <see cref="SpeechOptions.MaxConcurrentRecognitions"/>) and reused; the 8 kHz telephone audio is upsampled to the
/// model's 16 kHz on the decoding thread.
/// </summary>
public sealed class PocketSphinxSpeechToText : ISpeechToText, IDisposable
{
    private readonly SpeechOptions _options;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _slots;
    private readonly ConcurrentBag<PocketSphinxDecoder> _idle = [];
    private readonly Lazy<HashSet<string>> _words;
    private int _loaded;
    private bool _disposed;

    public PocketSphinxSpeechToText(SpeechOptions options, ILogger<PocketSphinxSpeechToText>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _logger = logger ?? NullLogger<PocketSphinxSpeechToText>.Instance;
        _slots = new SemaphoreSlim(options.MaxConcurrentRecognitions, options.MaxConcurrentRecognitions);
        _words = new Lazy<HashSet<string>>(() => PronunciationWords.Load(options.DictionaryPath));
    }

    public IReadOnlyList<string> Languages { get; } = ["en-us"];

    /// <summary>Decoders loaded so far (each holds the model once).</summary>
    public int LoadedDecoders => Volatile.Read(ref _loaded);

    public bool CanRecognise(string keyword, string language)
    {
        ArgumentNullException.ThrowIfNull(keyword);
        return Languages.Contains(language, StringComparer.OrdinalIgnoreCase)
            && PronunciationWords.Normalise(keyword) is { } words
            && words.All(_words.Value.Contains);
    }

    /// <summary>Loads <paramref name="count"/> decoders now, so the first calls do not wait for the model.</summary>
    public async Task WarmUpAsync(int count, CancellationToken cancellationToken = default)
    {
        var decoders = new List<PocketSphinxDecoder>();
        for (var i = 0; i < Math.Min(count, _options.MaxConcurrentRecognitions); i++)
        {
            await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            decoders.Add(await RentLoadedAsync().ConfigureAwait(false));
        }

        foreach (var decoder in decoders)
        {
            Return(decoder, healthy: true);
        }
    }

    public async ValueTask<IRecognitionSession> StartAsync(RecognitionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (request.Keywords.Count == 0)
        {
            throw new ArgumentException("At least one keyword is required.", nameof(request));
        }

        var phrases = new List<string>();
        foreach (var keyword in request.Keywords)
        {
            if (!CanRecognise(keyword, request.Language))
            {
                throw new ArgumentException($"'{keyword}' cannot be recognised in {request.Language}.", nameof(request));
            }

            phrases.Add(string.Join(' ', PronunciationWords.Normalise(keyword)!));
        }

        var threshold = request.ConfidenceThreshold ?? _options.DefaultConfidenceThreshold;
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        PocketSphinxDecoder decoder;
        try
        {
            decoder = await RentLoadedAsync().ConfigureAwait(false);
        }
        catch
        {
            _slots.Release();
            throw;
        }

        try
        {
            decoder.UseKeywords(phrases);
            decoder.StartUtterance();
        }
        catch
        {
            Return(decoder, healthy: true);
            throw;
        }

        var maxSamples = (long)(_options.MaxUtterance.TotalSeconds * 8000);
        return new PocketSphinxSession(decoder, request.Keywords, phrases, threshold, maxSamples, _options.RecognitionQueueFrames, Return, _logger);
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryTake(out var decoder))
        {
            decoder.Dispose();
        }
    }

    private async Task<PocketSphinxDecoder> RentLoadedAsync()
    {
        if (_idle.TryTake(out var decoder))
        {
            return decoder;
        }

        var index = Interlocked.Increment(ref _loaded);
        var started = Stopwatch.GetTimestamp();
        var loaded = await Task.Run(() => PocketSphinxDecoder.Load(_options.AcousticModelDirectory, _options.DictionaryPath)).ConfigureAwait(false);
        _logger.DecoderLoaded(index, _options.AcousticModelDirectory, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return loaded;
    }

    /// <summary>Puts a decoder back in the pool; one that failed mid-utterance is freed instead (the next session loads a new one).</summary>
    private void Return(PocketSphinxDecoder decoder, bool healthy)
    {
        if (_disposed || !healthy)
        {
            decoder.Dispose();
            if (!healthy)
            {
                Interlocked.Decrement(ref _loaded);
            }
        }
        else
        {
            _idle.Add(decoder);
        }

        _slots.Release();
    }
}
