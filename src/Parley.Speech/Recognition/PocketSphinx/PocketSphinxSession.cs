using System.Buffers;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Parley.Speech.Audio;

namespace Parley.Speech.Recognition.PocketSphinx;

/// <summary>
/// A recognition in progress: a bounded queue the media thread writes into without blocking, drained by one task
/// on the thread pool that upsamples and decodes. It decides when the decoder's voice activity detector hears the
/// caller stop, when the utterance limit is reached, or when the owner calls <see cref="Complete"/>.
/// </summary>
internal sealed class PocketSphinxSession : IRecognitionSession
{
    private readonly PocketSphinxDecoder _decoder;
    private readonly IReadOnlyList<string> _keywords;
    private readonly IReadOnlyList<string> _phrases;
    private readonly double _threshold;
    private readonly long _maxSamples;
    private readonly Action<PocketSphinxDecoder, bool> _return;
    private readonly ILogger _logger;
    private readonly Channel<(short[] Buffer, int Length)> _queue;
    private readonly TaskCompletionSource<RecognitionResult> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _dropped;

    public PocketSphinxSession(
        PocketSphinxDecoder decoder,
        IReadOnlyList<string> keywords,
        IReadOnlyList<string> phrases,
        double threshold,
        long maxSamples,
        int queueFrames,
        Action<PocketSphinxDecoder, bool> returnDecoder,
        ILogger logger)
    {
        _decoder = decoder;
        _keywords = keywords;
        _phrases = phrases;
        _threshold = threshold;
        _maxSamples = maxSamples;
        _return = returnDecoder;
        _logger = logger;
        _queue = Channel.CreateBounded<(short[], int)>(new BoundedChannelOptions(queueFrames)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _ = Task.Run(DecodeAsync);
    }

    public Task<RecognitionResult> Result => _result.Task;

    public long DroppedFrames => Interlocked.Read(ref _dropped);

    public bool TryWrite(ReadOnlySpan<short> samples)
    {
        if (_result.Task.IsCompleted || samples.IsEmpty)
        {
            return false;
        }

        var buffer = ArrayPool<short>.Shared.Rent(samples.Length);
        samples.CopyTo(buffer);
        if (_queue.Writer.TryWrite((buffer, samples.Length)))
        {
            return true;
        }

        ArrayPool<short>.Shared.Return(buffer);
        if (!_result.Task.IsCompleted)
        {
            Interlocked.Increment(ref _dropped);
            _logger.FrameDropped();
        }

        return false;
    }

    public void Complete() => _queue.Writer.TryComplete();

    public async ValueTask DisposeAsync()
    {
        Complete();
        await _result.Task.ConfigureAwait(false);
    }

    private async Task DecodeAsync()
    {
        var heardSpeech = false;
        long samples = 0;
        var upsampled = ArrayPool<short>.Shared.Rent(2 * 160);
        RecognitionResult? result = null;
        Exception? failure = null;
        try
        {
            await foreach (var (buffer, length) in _queue.Reader.ReadAllAsync().ConfigureAwait(false))
            {
                try
                {
                    if (upsampled.Length < 2 * length)
                    {
                        ArrayPool<short>.Shared.Return(upsampled);
                        upsampled = ArrayPool<short>.Shared.Rent(2 * length);
                    }

                    Upsampler8To16.Process(buffer.AsSpan(0, length), upsampled);
                    var inSpeech = _decoder.Process(upsampled.AsSpan(0, 2 * length));
                    samples += length;
                    heardSpeech |= inSpeech;
                    if ((heardSpeech && !inSpeech) || samples >= _maxSamples)
                    {
                        break;
                    }
                }
                finally
                {
                    ArrayPool<short>.Shared.Return(buffer);
                }
            }

            _queue.Writer.TryComplete();
            var (phrase, confidence) = _decoder.EndUtterance();
            result = Decide(heardSpeech, phrase, confidence, samples);
        }
        catch (Exception exception)
        {
            _logger.RecognitionFailed(exception);
            _queue.Writer.TryComplete();
            failure = exception;
        }
        finally
        {
            ArrayPool<short>.Shared.Return(upsampled);
            while (_queue.Reader.TryRead(out var left))
            {
                ArrayPool<short>.Shared.Return(left.Buffer);
            }

            _return(_decoder, failure is null);
        }

        // The decoder is back in the pool before anyone hears the result.
        if (result is not null)
        {
            _result.TrySetResult(result);
        }
        else
        {
            _result.TrySetException(failure ?? new InvalidOperationException("Recognition ended without a result."));
        }
    }

    private RecognitionResult Decide(bool heardSpeech, string? phrase, double confidence, long samples)
    {
        var audio = TimeSpan.FromSeconds(samples / 8000.0);
        var index = phrase is null ? -1 : IndexOf(phrase);
        var keyword = index < 0 ? null : _keywords[index];
        var outcome = keyword is not null && confidence >= _threshold
            ? RecognitionOutcome.Match
            : heardSpeech ? RecognitionOutcome.NoMatch : RecognitionOutcome.NoInput;
        _logger.Recognised(outcome.ToString(), keyword, confidence, (long)audio.TotalMilliseconds);
        return new RecognitionResult(outcome, keyword, confidence, audio);
    }

    private int IndexOf(string phrase)
    {
        for (var i = 0; i < _phrases.Count; i++)
        {
            if (string.Equals(_phrases[i], phrase, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
