using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Parley.Server.Tests.Voice.Records;

/// <summary>
/// Watches the database commands that touch <c>CallRecords</c>: remembers the transaction of every insert (so a test
/// can count transactions), can hold the first such command until released (so saves pile up behind a commit), and can
/// fail inserts (a full disk).
/// </summary>
public sealed class CallRecordGate : DbCommandInterceptor
{
    private readonly ConcurrentDictionary<DbTransaction, byte> _insertTransactions = new(ReferenceEqualityComparer.Instance);
    private TaskCompletionSource? _hold;
    private TaskCompletionSource? _release;
    private volatile bool _failInserts;

    /// <summary>Inserts into <c>CallRecords</c> seen outside any transaction.</summary>
    public int InsertsWithoutTransaction { get; private set; }

    /// <summary>Distinct transactions that inserted into <c>CallRecords</c> since the last <see cref="Reset"/>.</summary>
    public int InsertTransactions => _insertTransactions.Count;

    /// <summary>Completes when the held command arrived.</summary>
    public TaskCompletionSource Held { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Reset()
    {
        _insertTransactions.Clear();
        InsertsWithoutTransaction = 0;
    }

    /// <summary>Holds the next command on <c>CallRecords</c> until <see cref="Release"/>.</summary>
    public void HoldNext()
    {
        Held = new(TaskCreationOptions.RunContinuationsAsynchronously);
        _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        _hold = _release;
    }

    public void Release() => _release?.TrySetResult();

    public void FailInserts(bool fail) => _failInserts = fail;

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await CheckAsync(command);
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await CheckAsync(command);
        return result;
    }

    private async Task CheckAsync(DbCommand command)
    {
        if (!command.CommandText.Contains("\"CallRecords\"", StringComparison.Ordinal))
        {
            return;
        }

        if (Interlocked.Exchange(ref _hold, null) is { } hold)
        {
            Held.TrySetResult();
            await hold.Task;
        }

        if (!command.CommandText.Contains("INSERT INTO \"CallRecords\"", StringComparison.Ordinal))
        {
            return;
        }

        if (_failInserts)
        {
            throw new IOException("Injected failure while inserting call records.");
        }

        if (command.Transaction is { } transaction)
        {
            _insertTransactions.TryAdd(transaction, 0);
        }
        else
        {
            InsertsWithoutTransaction++;
        }
    }
}
