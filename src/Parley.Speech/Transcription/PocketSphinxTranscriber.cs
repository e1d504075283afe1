using Parley.Speech.Audio;
using Parley.Speech.Recognition.PocketSphinx;

namespace Parley.Speech.Transcription;

/// <summary>
/// Offline transcription with pocketsphinx and its general English language model: each region of sound
/// (<see cref="SpeechRegions"/>) is upsampled to 16 kHz like live recognition and decoded as one utterance; the words'
/// frames (10 ms) give the timestamps. One decoder, loaded on first use (≈ 1 s) and kept, runs one transcription at a time
/// on the thread pool.
/// </summary>
public sealed class PocketSphinxTranscriber(SpeechOptions options) : ISpeechTranscriber, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private PocketSphinxDecoder? _decoder;

    public string Engine => "pocketsphinx-en-us";

    public async Task<IReadOnlyList<TranscriptSegment>> TranscribeAsync(ReadOnlyMemory<short> samples, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await Task.Run(() => Transcribe(samples.Span, progress, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private List<TranscriptSegment> Transcribe(ReadOnlySpan<short> samples, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        _decoder ??= PocketSphinxDecoder.Load(options.AcousticModelDirectory, options.DictionaryPath, options.LanguageModelPath);
        var segments = new List<TranscriptSegment>();
        var regions = SpeechRegions.Find(samples);
        var done = 0L;
        var total = Math.Max(1L, regions.Sum(r => (long)r.Length));
        foreach (var (start, length) in regions)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var upsampled = new short[length * 2];
            Upsampler8To16.Process(samples.Slice(start, length), upsampled);
            var words = _decoder.DecodeUtterance(upsampled)
                .Select(w => (Word: Clean(w.Word), w.StartFrame, w.EndFrame))
                .Where(w => w.Word is not null)
                .ToList();
            if (words.Count > 0)
            {
                var offset = TimeSpan.FromSeconds((double)start / SpeechRegions.SampleRate);
                segments.Add(new TranscriptSegment(
                    offset + TimeSpan.FromMilliseconds(words[0].StartFrame * 10),
                    offset + TimeSpan.FromMilliseconds((words[^1].EndFrame + 1) * 10),
                    string.Join(' ', words.Select(w => w.Word))));
            }

            done += length;
            progress?.Report((double)done / total);
        }

        return segments;
    }

    /// <summary>A word as written (<c>hello(2)</c> → <c>hello</c>); null for silence, sentence marks and fillers.</summary>
    private static string? Clean(string word)
    {
        if (word.StartsWith('<') || word.StartsWith('[') || word.StartsWith("++", StringComparison.Ordinal))
        {
            return null;
        }

        var paren = word.IndexOf('(', StringComparison.Ordinal);
        var clean = (paren > 0 ? word[..paren] : word).ToLowerInvariant();
        return clean.Length == 0 ? null : clean;
    }

    public void Dispose()
    {
        _decoder?.Dispose();
        _gate.Dispose();
    }
}
