using System.Collections.Concurrent;

namespace Parley.Speech.TextToSpeech.Cache;

/// <summary>
/// The prompts heard recently, in memory, bounded by their size: a call's greeting is shared samples (never modified;
/// every player has its own cursor), not a file read, a WAV decode and a large array per call. When a new entry would
/// pass the bound, entries are dropped (the disk cache still has them).
/// </summary>
internal sealed class PromptMemory(long maxBytes)
{
    private readonly ConcurrentDictionary<(string Voice, string Text), short[]> _entries = new();
    private long _bytes;

    public long Bytes => Interlocked.Read(ref _bytes);

    public int Count => _entries.Count;

    public short[]? TryGet(string voice, string text) => _entries.TryGetValue((voice, text), out var samples) ? samples : null;

    public void Add(string voice, string text, short[] samples)
    {
        var size = (long)samples.Length * sizeof(short);
        if (size > maxBytes)
        {
            return;
        }

        foreach (var key in _entries.Keys)
        {
            if (Interlocked.Read(ref _bytes) + size <= maxBytes)
            {
                break;
            }

            if (_entries.TryRemove(key, out var dropped))
            {
                Interlocked.Add(ref _bytes, -(long)dropped.Length * sizeof(short));
            }
        }

        if (_entries.TryAdd((voice, text), samples))
        {
            Interlocked.Add(ref _bytes, size);
        }
    }
}
