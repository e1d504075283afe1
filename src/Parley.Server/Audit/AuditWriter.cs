using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Data.Entities;
using Parley.Server.Logging;
using Parley.Server.Persistence;

namespace Parley.Server.Audit;

/// <summary>
/// Appends entries to the tenants' hash chains by group commit: the records that arrive together are chained after
/// their tenants' heads and stored in one transaction, and each caller returns once its entry is durable. One writer
/// loop per node keeps each tenant's appends in order; the unique (tenant, sequence) index catches a race with another
/// node, and the batch is chained again on the new heads. Operational records (<see cref="AuditPolicy"/>) are not
/// chained: routing history holds them.
/// </summary>
public sealed class AuditWriter : IAsyncDisposable
{
    private const int MaxAttempts = 5;
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _time;
    private readonly ILogger<AuditWriter> _logger;
    private readonly GroupCommitWriter<AuditRecord> _writer;

    public AuditWriter(IServiceScopeFactory scopes, TimeProvider time, ILogger<AuditWriter> logger)
    {
        _scopes = scopes;
        _time = time;
        _logger = logger;
        _writer = new GroupCommitWriter<AuditRecord>(CommitAsync, maxBatch: 512, capacity: 16384);
    }

    /// <summary>Completes once <paramref name="record"/> is in its tenant's chain, or at once when the policy leaves it out.</summary>
    public Task AppendAsync(AuditRecord record, CancellationToken cancellationToken) =>
        AuditPolicy.Chains(record) ? _writer.WriteAsync(record, cancellationToken) : Task.CompletedTask;

    public ValueTask DisposeAsync() => _writer.DisposeAsync();

    private async Task CommitAsync(IReadOnlyList<AuditRecord> batch, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await TryCommitAsync(batch, cancellationToken);
                return;
            }
            catch (DbUpdateException) when (attempt < MaxAttempts)
            {
                Log.AuditAppendRetried(_logger, batch[0].TenantId, attempt);
            }
        }
    }

    private async Task TryCommitAsync(IReadOnlyList<AuditRecord> batch, CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
        var at = DateTimeOffset.FromUnixTimeMilliseconds(_time.GetUtcNow().ToUnixTimeMilliseconds());
        foreach (var tenant in batch.GroupBy(r => r.TenantId))
        {
            var head = await db.AuditEntries.IgnoreQueryFilters().Where(a => a.TenantId == tenant.Key)
                .OrderByDescending(a => a.Sequence)
                .Select(a => new { a.Sequence, a.Hash })
                .FirstOrDefaultAsync(cancellationToken);
            var (sequence, previous) = (head?.Sequence ?? 0, head?.Hash ?? AuditChain.Genesis);
            foreach (var record in tenant)
            {
                var entry = AuditEntries.Create(record, ++sequence, at, previous);
                db.AuditEntries.Add(entry);
                previous = entry.Hash;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
