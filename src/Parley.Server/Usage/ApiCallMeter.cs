using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Data.Entities.Usage;
using Parley.Server.Tenants;
using Parley.Voice.Nodes;

namespace Parley.Server.Usage;

/// <summary>
/// Counts a tenant's API requests on this node per UTC hour in memory and writes each count's absolute value to its
/// (tenant, hour, node) row. A count resumes from its stored row the first time it is flushed after a start, so a restart
/// continues the hour's count instead of overwriting it; requests between the last flush and a crash are not counted
/// (usage may under-count by one flush interval, never double count).
/// </summary>
internal sealed class ApiCallMeter(IServiceScopeFactory scopes, IVoiceNode node, TimeProvider time)
{
    private readonly ConcurrentDictionary<(Guid TenantId, DateTimeOffset Hour), Counter> _counts = new();

    public void Count(Guid tenantId)
    {
        var now = time.GetUtcNow();
        var hour = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero);
        Interlocked.Increment(ref _counts.GetOrAdd((tenantId, hour), _ => new Counter()).Added);
    }

    /// <summary>Writes every count of this node; an hour that is over is forgotten once written.</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        var over = time.GetUtcNow().AddHours(-1);
        foreach (var ((tenantId, hour), counter) in _counts)
        {
            await using var scope = scopes.OpenTenant(tenantId, out var db);
            var row = await db.ApiCallCounts.SingleOrDefaultAsync(c => c.Hour == hour && c.NodeId == node.Id, ct);
            if (!counter.Loaded)
            {
                counter.Base = row?.Count ?? 0;
                counter.Loaded = true;
            }

            var total = counter.Base + Volatile.Read(ref counter.Added);
            if (row is null)
            {
                db.ApiCallCounts.Add(new ApiCallCount { TenantId = tenantId, Hour = hour, NodeId = node.Id, Count = total });
            }
            else
            {
                row.Count = total;
            }

            await db.SaveChangesAsync(ct);
            if (hour < over)
            {
                _counts.TryRemove((tenantId, hour), out _);
            }
        }
    }

    private sealed class Counter
    {
        public long Added;
        public long Base;
        public bool Loaded;
    }
}
