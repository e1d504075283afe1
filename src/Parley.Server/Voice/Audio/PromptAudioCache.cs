using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Parley.Server.Voice.Audio;

/// <summary>
/// Decoded audio files in memory, bounded by <see cref="PromptOptions.MemoryCacheBytes"/> (least recently used dropped
/// first). An entry is keyed by the file's path and last write time, so a replaced file (music on hold, possibly by
/// another node on a shared data directory) is read again and never served stale.
/// </summary>
public sealed class PromptAudioCache : IDisposable
{
    private readonly MemoryCache? _cache;

    public PromptAudioCache(IOptions<PromptOptions> options)
    {
        var bytes = options.Value.MemoryCacheBytes;
        _cache = bytes > 0 ? new MemoryCache(new MemoryCacheOptions { SizeLimit = bytes, CompactionPercentage = 0.25 }) : null;
    }

    /// <summary>The samples of the WAV at <paramref name="path"/>, or null when there is no such file.</summary>
    public short[]? Get(string path)
    {
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            return null;
        }

        var key = (path, file.LastWriteTimeUtc.Ticks);
        if (_cache is not null && _cache.TryGetValue(key, out short[]? cached))
        {
            return cached;
        }

        var samples = TenantAudioStore.TryRead(path);
        if (samples is not null && _cache is not null)
        {
            _cache.Set(key, samples, new MemoryCacheEntryOptions { Size = Math.Max(1, samples.Length * 2L) });
        }

        return samples;
    }

    public void Dispose() => _cache?.Dispose();
}
