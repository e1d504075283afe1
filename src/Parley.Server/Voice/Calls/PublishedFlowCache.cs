using System.Collections.Concurrent;
using Parley.Voice.Calls.Ports;

namespace Parley.Server.Voice.Calls;

/// <summary>
/// Published flows as calls run them, kept in memory per (tenant, flow) with the version they were loaded at, so a
/// call does not read the database for its flow. Anything a loaded flow depends on (a flow's published version, its
/// subflows, a schedule, the tenant's time zone) invalidates the whole tenant (<see cref="Invalidate"/>, called by
/// <see cref="PublishedFlowInvalidation"/> after the change commits). Concurrent calls share one load. An entry is
/// also reloaded after <see cref="MaxAge"/>, so another node's publish shows here within that time.
/// </summary>
internal sealed class PublishedFlowCache(TimeProvider time)
{
    /// <summary>How long an entry serves before it is reloaded even without an invalidation (changes made on other nodes).</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    private const int MaxEntries = 4096;
    private readonly ConcurrentDictionary<(Guid Tenant, Guid Flow), Entry> _entries = new();
    private readonly ConcurrentDictionary<Guid, long> _generations = new();

    public async ValueTask<PublishedFlow?> GetAsync(
        Guid tenantId, Guid flowId, Func<Guid, Guid, Task<PublishedFlow?>> load, CancellationToken cancellationToken)
    {
        var key = (tenantId, flowId);
        var generation = _generations.GetValueOrDefault(tenantId);
        var now = time.GetUtcNow();
        if (!_entries.TryGetValue(key, out var entry) || entry.Generation != generation || now - entry.LoadedAt > MaxAge || entry.Load.IsFaulted || entry.Load.IsCanceled)
        {
            if (_entries.Count >= MaxEntries)
            {
                _entries.Clear();
            }

            // Not tied to this caller's token: other calls may wait for the same load.
            var fresh = new Entry(generation, now, load(tenantId, flowId));
            entry = _entries.AddOrUpdate(key, fresh, (_, old) => old.Generation == generation && old.LoadedAt >= now - MaxAge && !old.Load.IsFaulted ? old : fresh);
        }

        var flow = await entry.Load.WaitAsync(cancellationToken).ConfigureAwait(false);
        if (_generations.GetValueOrDefault(tenantId) != entry.Generation)
        {
            // Invalidated while loading: what was read may predate the change.
            _entries.TryRemove(new KeyValuePair<(Guid, Guid), Entry>(key, entry));
        }

        return flow;
    }

    /// <summary>Forgets every flow of the tenant; loads already running are not kept.</summary>
    public void Invalidate(Guid tenantId) => _generations.AddOrUpdate(tenantId, 1, (_, g) => g + 1);

    private sealed record Entry(long Generation, DateTimeOffset LoadedAt, Task<PublishedFlow?> Load);
}
