using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Data.Entities;
using Parley.Data.Tenancy;
using Parley.Server.Logging;

namespace Parley.Server.Audit;

/// <summary>
/// Appends entries to a tenant's hash chain. Appends of one tenant are serialised on this node; the unique
/// (tenant, sequence) index catches a race with another node, and the append is retried on the new head.
/// </summary>
public sealed class AuditWriter(IServiceScopeFactory scopes, TimeProvider time, ILogger<AuditWriter> logger)
{
    private const int MaxAttempts = 5;
    private readonly ConcurrentDictionary<Guid, SemaphoreSlim> _locks = new();

    public async Task<AuditEntry> AppendAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        var gate = _locks.GetOrAdd(record.TenantId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    return await TryAppendAsync(record, cancellationToken);
                }
                catch (DbUpdateException) when (attempt < MaxAttempts)
                {
                    Log.AuditAppendRetried(logger, record.TenantId, attempt);
                }
            }
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<AuditEntry> TryAppendAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(record.TenantId);
        var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
        var head = await db.AuditEntries.OrderByDescending(a => a.Sequence)
            .Select(a => new { a.Sequence, a.Hash })
            .FirstOrDefaultAsync(cancellationToken);

        var entry = new AuditEntry
        {
            TenantId = record.TenantId,
            Sequence = (head?.Sequence ?? 0) + 1,
            At = DateTimeOffset.FromUnixTimeMilliseconds(time.GetUtcNow().ToUnixTimeMilliseconds()),
            ActorType = record.ActorType,
            ActorId = Truncate(record.ActorId, 100),
            ActorName = Truncate(record.ActorName, 256),
            Action = Truncate(record.Action, 100),
            TargetType = record.TargetType,
            TargetId = record.TargetId is null ? null : Truncate(record.TargetId, 100),
            Summary = Truncate(record.Summary, 2000),
            SourceIp = record.SourceIp,
            Outcome = record.Outcome,
            StatusCode = record.StatusCode,
            PreviousHash = head?.Hash ?? AuditChain.Genesis,
            Hash = "",
        };
        entry.Hash = AuditChain.ComputeHash(entry);
        db.AuditEntries.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
        return entry;
    }

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}
