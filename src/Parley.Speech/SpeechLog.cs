using Microsoft.Extensions.Logging;

namespace Parley.Speech;

/// <summary>Every log line of Parley.Speech, with its event id (range 8000–8099).</summary>
internal static partial class SpeechLog
{
    [LoggerMessage(8000, LogLevel.Debug, "Synthesised {Samples} samples for voice {Voice} in {ElapsedMs} ms")]
    public static partial void Synthesised(this ILogger logger, string voice, int samples, double elapsedMs);

    [LoggerMessage(8001, LogLevel.Warning, "espeak-ng failed for voice {Voice}: {Error}")]
    public static partial void SynthesisFailed(this ILogger logger, string voice, string error);

    [LoggerMessage(8002, LogLevel.Debug, "Prompt cache evicted {Files} files ({Bytes} bytes)")]
    public static partial void CacheEvicted(this ILogger logger, int files, long bytes);

    [LoggerMessage(8003, LogLevel.Warning, "Prompt cache file {Path} is unreadable; rendering it again")]
    public static partial void CacheFileBad(this ILogger logger, string path, Exception exception);

    [LoggerMessage(8004, LogLevel.Information, "pocketsphinx decoder {Index} loaded from {ModelDirectory} in {ElapsedMs} ms")]
    public static partial void DecoderLoaded(this ILogger logger, int index, string modelDirectory, double elapsedMs);

    [LoggerMessage(8005, LogLevel.Debug, "Recognition ended: {Outcome} {Keyword} confidence {Confidence:F3} after {AudioMs} ms of audio")]
    public static partial void Recognised(this ILogger logger, string outcome, string? keyword, double confidence, long audioMs);

    [LoggerMessage(8006, LogLevel.Warning, "Recognition queue full: dropped a frame")]
    public static partial void FrameDropped(this ILogger logger);

    [LoggerMessage(8007, LogLevel.Error, "Recognition failed")]
    public static partial void RecognitionFailed(this ILogger logger, Exception exception);
}
