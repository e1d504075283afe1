using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Parley.Media.Audio;

namespace Parley.Speech.TextToSpeech.Cache;

/// <summary>
/// Rendered prompts on disk: one 8 kHz mono WAV per (engine, voice, text), named by the SHA-256 of the three, so
/// any text is a safe file name. Files are written to a temporary name and renamed, so a reader never sees half a
/// file. A hit stamps the file's access time (from <see cref="TimeProvider"/>, not the mount's atime policy);
/// when the directory grows past its bound the least recently used files are deleted.
/// </summary>
public sealed class PromptCache
{
    private readonly string _directory;
    private readonly long _maxBytes;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _evictionLock = new();

    public PromptCache(string directory, long maxBytes, TimeProvider time, ILogger<PromptCache>? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentNullException.ThrowIfNull(time);
        _directory = Path.GetFullPath(directory);
        _maxBytes = maxBytes;
        _time = time;
        _logger = logger ?? NullLogger<PromptCache>.Instance;
        Directory.CreateDirectory(_directory);
    }

    public string DirectoryPath => _directory;

    public static string Key(string engine, string voice, string text)
    {
        var bytes = Encoding.UTF8.GetBytes($"{engine}\n{voice}\n{text}");
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    public string PathOf(string key) => Path.Combine(_directory, key + ".wav");

    public bool Contains(string key) => File.Exists(PathOf(key));

    public short[]? TryRead(string key)
    {
        var path = PathOf(key);
        try
        {
            var samples = WavReader.Read(path).ToTelephonyPcm();
            File.SetLastAccessTimeUtc(path, _time.GetUtcNow().UtcDateTime);
            return samples;
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (InvalidDataException exception)
        {
            _logger.CacheFileBad(path, exception);
            File.Delete(path);
            return null;
        }
    }

    public void Write(string key, ReadOnlySpan<short> samples)
    {
        var path = PathOf(key);
        var temporary = Path.Combine(_directory, $".{key}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var writer = WavWriter.Create(temporary, WavFormat.Pcm8kMono))
            {
                writer.WriteSamples(samples);
            }

            File.Move(temporary, path, overwrite: true);
            File.SetLastAccessTimeUtc(path, _time.GetUtcNow().UtcDateTime);
        }
        finally
        {
            File.Delete(temporary);
        }

        Evict();
    }

    /// <summary>Deletes least recently used files until the directory is within its bound.</summary>
    public void Evict()
    {
        lock (_evictionLock)
        {
            var files = new DirectoryInfo(_directory).GetFiles("*.wav");
            var total = files.Sum(f => f.Length);
            if (total <= _maxBytes)
            {
                return;
            }

            var removed = 0;
            var removedBytes = 0L;
            foreach (var file in files.OrderBy(f => f.LastAccessTimeUtc))
            {
                if (total <= _maxBytes)
                {
                    break;
                }

                var length = file.Length;
                try
                {
                    file.Delete();
                }
                catch (IOException)
                {
                    continue;
                }

                total -= length;
                removedBytes += length;
                removed++;
            }

            _logger.CacheEvicted(removed, removedBytes);
        }
    }
}
