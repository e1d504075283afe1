namespace Parley.Sip.Registrar;

/// <summary>
/// One asynchronous lock per address of record, so REGISTERs of the same AOR read, change and write their binding set
/// one after another while different AORs proceed in parallel. Entries live only while someone holds or waits for them.
/// </summary>
internal sealed class AorLocks
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.OrdinalIgnoreCase);

    public async ValueTask<Held> AcquireAsync(string aor, CancellationToken cancellationToken)
    {
        Entry entry;
        lock (_entries)
        {
            if (!_entries.TryGetValue(aor, out entry!))
            {
                entry = new Entry();
                _entries[aor] = entry;
            }

            entry.Users++;
        }

        try
        {
            await entry.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Leave(aor, entry);
            throw;
        }

        return new Held(this, aor, entry);
    }

    private void Leave(string aor, Entry entry)
    {
        lock (_entries)
        {
            if (--entry.Users == 0)
            {
                _entries.Remove(aor);
                entry.Dispose();
            }
        }
    }

    /// <summary>The held lock of one AOR; dispose to release it.</summary>
    public readonly struct Held(AorLocks owner, string aor, Entry entry) : IDisposable
    {
        public void Dispose()
        {
            entry.Gate.Release();
            owner.Leave(aor, entry);
        }
    }

    /// <summary>The gate of one AOR and how many callers hold or wait for it.</summary>
    internal sealed class Entry : IDisposable
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public int Users { get; set; }

        public void Dispose() => Gate.Dispose();
    }
}
