using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Parley.Media.Audio;
using Parley.Speech.Audio;

namespace Parley.Speech.TextToSpeech.Espeak;

/// <summary>
/// Text-to-speech by the espeak-ng command line (Debian <c>espeak-ng</c>): one short-lived process per prompt,
/// text on stdin (never on the command line), a WAV written to a temporary file, resampled 22,050 → 8,000 Hz.
/// At most <see cref="SpeechOptions.MaxConcurrentSyntheses"/> processes run at once; each is killed after
/// <see cref="SpeechOptions.SynthesisTimeout"/>. A process per prompt is robust (a crash costs one prompt) and
/// the library's global state never meets two threads.
/// </summary>
public sealed class EspeakTextToSpeech : ITextToSpeech, IDisposable
{
    private readonly SpeechOptions _options;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _slots;
    private readonly SemaphoreSlim _voicesLock = new(1, 1);
    private IReadOnlyList<SpeechVoice>? _voices;
    private long _synthesisCount;

    public EspeakTextToSpeech(SpeechOptions options, ILogger<EspeakTextToSpeech>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _logger = logger ?? NullLogger<EspeakTextToSpeech>.Instance;
        _slots = new SemaphoreSlim(options.MaxConcurrentSyntheses, options.MaxConcurrentSyntheses);
    }

    /// <summary>How many times espeak-ng has been run to synthesise (the cache's tests and metrics read it).</summary>
    public long SynthesisCount => Interlocked.Read(ref _synthesisCount);

    public async ValueTask<IReadOnlyList<SpeechVoice>> GetVoicesAsync(CancellationToken cancellationToken = default)
    {
        if (_voices is { } cached)
        {
            return cached;
        }

        await _voicesLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_voices is null)
            {
                var (exit, output, error) = await RunAsync(["--voices"], stdin: null, cancellationToken).ConfigureAwait(false);
                if (exit != 0)
                {
                    throw new InvalidOperationException($"espeak-ng --voices failed ({exit}): {error}");
                }

                _voices = EspeakVoiceList.Parse(output);
            }

            return _voices;
        }
        finally
        {
            _voicesLock.Release();
        }
    }

    public async ValueTask<SynthesizedSpeech> SynthesizeAsync(string text, string voice, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(voice);
        if (text.Length > _options.MaxTextLength)
        {
            throw new ArgumentException($"Text is longer than {_options.MaxTextLength} characters.", nameof(text));
        }

        var found = VoiceLookup.Find(await GetVoicesAsync(cancellationToken).ConfigureAwait(false), voice)
            ?? throw new UnknownVoiceException(voice);
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        var path = Path.Combine(Path.GetTempPath(), $"parley-tts-{Guid.NewGuid():N}.wav");
        try
        {
            var started = Stopwatch.GetTimestamp();
            Interlocked.Increment(ref _synthesisCount);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.SynthesisTimeout);
            string[] arguments = ["-v", found.Id, "-s", _options.WordsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture), "-b", "1", "-w", path, "--stdin"];
            var (exit, _, error) = await RunAsync(arguments, text, timeout.Token).ConfigureAwait(false);
            if (exit != 0 || !File.Exists(path))
            {
                _logger.SynthesisFailed(found.Id, error);
                throw new InvalidOperationException($"espeak-ng exited with {exit}: {error}");
            }

            var wav = WavReader.Read(path);
            var pcm = wav.ToPcm16();
            var samples = SincResampler.Resample(pcm, wav.Format.SampleRate, SynthesizedSpeech.SampleRate);
            _logger.Synthesised(found.Id, samples.Length, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return new SynthesizedSpeech(samples, fromCache: false);
        }
        finally
        {
            _slots.Release();
            File.Delete(path);
        }
    }

    public void Dispose()
    {
        _slots.Dispose();
        _voicesLock.Dispose();
    }

    private async Task<(int Exit, string Output, string Error)> RunAsync(string[] arguments, string? stdin, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(_options.EspeakPath)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new System.Text.UTF8Encoding(false),
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("espeak-ng did not start.");
        try
        {
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            if (stdin is not null)
            {
                await process.StandardInput.WriteAsync(stdin.AsMemory(), cancellationToken).ConfigureAwait(false);
            }

            process.StandardInput.Close();
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            return (process.ExitCode, await output.ConfigureAwait(false), await error.ConfigureAwait(false));
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
    }
}
