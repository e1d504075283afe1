using Microsoft.EntityFrameworkCore;
using Parley.Data;
using Parley.Data.Entities.Voice;
using Parley.Data.Tenancy;
using Parley.Server.Persistence;
using Parley.Server.Logging;
using Parley.Voice.Records;

namespace Parley.Server.Voice.Records;

/// <summary>
/// The call model's CDR store. Saves of every call on this node go through one <see cref="GroupCommitWriter{T}"/>:
/// what arrives together is upserted in one transaction, and each save completes once its batch is committed (or
/// fails with the batch). The store writes rows of any tenant, so it works on a platform context (no tenant set):
/// each row carries its record's tenant explicitly, and an existing row is never moved to another tenant. A batch's
/// rows are read back by their ids as one array parameter (<c>EF.Parameter</c>), so the statement is the same for every
/// batch size and EF does not generate it again per size.
/// </summary>
internal sealed class EfCallRecordStore : ICallRecordStore, IAsyncDisposable
{
    private readonly IServiceScopeFactory _scopes;
    private readonly ILogger<EfCallRecordStore> _logger;
    private readonly GroupCommitWriter<object> _writer;

    public EfCallRecordStore(IServiceScopeFactory scopes, ILogger<EfCallRecordStore> logger)
    {
        _scopes = scopes;
        _logger = logger;
        _writer = new GroupCommitWriter<object>(CommitAsync);
    }

    /// <summary>The writer, for tests and the benchmark (batches and items committed).</summary>
    internal GroupCommitWriter<object> Writer => _writer;

    public ValueTask SaveCallAsync(CallRecord record, CancellationToken cancellationToken = default) =>
        new(_writer.WriteAsync(record, cancellationToken));

    public ValueTask SaveLegAsync(CallLegRecord leg, CancellationToken cancellationToken = default) =>
        new(_writer.WriteAsync(leg, cancellationToken));

    public ValueTask DisposeAsync() => _writer.DisposeAsync();

    private async Task CommitAsync(IReadOnlyList<object> batch, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = _scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await UpsertCallsAsync(db, batch.OfType<CallRecord>().ToList(), cancellationToken);
            await UpsertLegsAsync(db, batch.OfType<CallLegRecord>().ToList(), cancellationToken);
            await AddRecordingsAsync(db, batch.OfType<CallRecord>().ToList(), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (Exception exception)
        {
            Log.CallRecordBatchFailed(_logger, exception, batch.Count);
            throw;
        }
    }

    private static async Task UpsertCallsAsync(ParleyDbContext db, List<CallRecord> calls, CancellationToken cancellationToken)
    {
        if (calls.Count == 0)
        {
            return;
        }

        var ids = calls.Select(c => c.Id).Distinct().ToList();
        var rows = await db.Set<CallRecordRow>().IgnoreQueryFilters().Where(c => EF.Parameter(ids).Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        foreach (var call in calls)
        {
            if (!rows.TryGetValue(call.Id, out var row))
            {
                row = CallRecordRows.Create(call);
                db.Add(row);
                rows[call.Id] = row;
            }
            else if (row.TenantId != call.TenantId)
            {
                throw new CrossTenantWriteException(nameof(CallRecordRow));
            }

            CallRecordRows.Apply(row, call);
        }
    }

    /// <summary>A finished recording's row, added once: later saves of the record (the close) leave it as it is.</summary>
    private static async Task AddRecordingsAsync(ParleyDbContext db, List<CallRecord> calls, CancellationToken cancellationToken)
    {
        var recordings = calls.Where(c => c.Recording is not null).DistinctBy(c => c.Recording!.Id).ToList();
        if (recordings.Count == 0)
        {
            return;
        }

        var ids = recordings.Select(c => c.Recording!.Id).ToList();
        var existing = await db.Recordings.IgnoreQueryFilters().Where(r => EF.Parameter(ids).Contains(r.Id)).Select(r => r.Id).ToListAsync(cancellationToken);
        foreach (var call in recordings.Where(c => !existing.Contains(c.Recording!.Id)))
        {
            db.Recordings.Add(CallRecordRows.Create(call, call.Recording!));
        }
    }

    private static async Task UpsertLegsAsync(ParleyDbContext db, List<CallLegRecord> legs, CancellationToken cancellationToken)
    {
        if (legs.Count == 0)
        {
            return;
        }

        var ids = legs.Select(l => l.Id).Distinct().ToList();
        var rows = await db.Set<CallLegRow>().IgnoreQueryFilters().Where(l => EF.Parameter(ids).Contains(l.Id)).ToDictionaryAsync(l => l.Id, cancellationToken);
        foreach (var leg in legs)
        {
            if (!rows.TryGetValue(leg.Id, out var row))
            {
                row = CallRecordRows.Create(leg);
                db.Add(row);
                rows[leg.Id] = row;
            }
            else if (row.TenantId != leg.TenantId)
            {
                throw new CrossTenantWriteException(nameof(CallLegRow));
            }

            CallRecordRows.Apply(row, leg);
        }
    }
}
