using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Parley.Cluster.Routing.Ports;
using Parley.Data;
using Parley.Data.Entities.Acd;

namespace Parley.Server.Routing.Saving;

/// <summary>
/// A routing save on PostgreSQL. The transaction opens with one round trip carrying the ownership check and the save's
/// inserts — one <c>unnest</c> statement per table (<see cref="PostgresRoutingStatements"/>) instead of EF's per-column
/// objects for every row, which were the largest part of the server's allocations under API load — then EF writes
/// what it tracks, if anything, and the transaction commits. A lost claim is seen from the check's row count, before
/// anything else is written, and rolls everything back.
/// </summary>
internal sealed class PostgresRoutingSave(ParleyDbContext db, IDbContextTransaction transaction) : RoutingSave
{
    public static async Task<PostgresRoutingSave> BeginAsync(
        ParleyDbContext db, Guid tenantId, long epoch, IReadOnlyList<InteractionRecord> created, IReadOnlyList<RoutingHistoryEntry> history,
        CancellationToken cancellationToken)
    {
        var statements = PostgresRoutingStatements.For(db);
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await using var batch = new NpgsqlBatch((NpgsqlConnection)db.Database.GetDbConnection(), (NpgsqlTransaction)transaction.GetDbTransaction());
            var check = new NpgsqlBatchCommand(statements.CheckOwnership) { Parameters = { Value(tenantId), Value(epoch) } };
            batch.BatchCommands.Add(check);
            if (created.Count > 0)
            {
                batch.BatchCommands.Add(InsertInteractions(statements.InsertInteractions, tenantId, created));
            }

            if (history.Count > 0)
            {
                batch.BatchCommands.Add(InsertHistory(statements.InsertHistory, tenantId, history));
            }

            await batch.ExecuteNonQueryAsync(cancellationToken);
            if (check.RecordsAffected != 1)
            {
                throw new RoutingOwnershipLostException(tenantId, epoch);
            }

            return new PostgresRoutingSave(db, transaction);
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }

    public override async Task SaveAsync(CancellationToken cancellationToken)
    {
        if (db.ChangeTracker.HasChanges())
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public override ValueTask DisposeAsync() => transaction.DisposeAsync();

    private static NpgsqlBatchCommand InsertInteractions(string sql, Guid tenantId, IReadOnlyList<InteractionRecord> rows)
    {
        var n = rows.Count;
        var ids = new Guid[n];
        var queues = new Guid[n];
        var channels = new string[n];
        var priorities = new int[n];
        var attributes = new string[n];
        var enqueued = new DateTimeOffset[n];
        var sequences = new long[n];
        for (var i = 0; i < n; i++)
        {
            var row = rows[i];
            ids[i] = row.Id;
            queues[i] = row.QueueId;
            channels[i] = row.Channel;
            priorities[i] = row.Priority;
            attributes[i] = row.Attributes;
            enqueued[i] = row.EnqueuedAt.ToUniversalTime();
            sequences[i] = row.Sequence;
        }

        // Rows the save creates are new: status Waiting and version 1, as EF would write them (ParleyDbContext.PrepareForSave).
        return new NpgsqlBatchCommand(sql)
        {
            Parameters =
            {
                Value(tenantId), Value(InteractionRecord.Waiting), Value(1L),
                Value(ids), Value(queues), Value(channels), Value(priorities), Value(attributes), Value(enqueued), Value(sequences),
            },
        };
    }

    private static NpgsqlBatchCommand InsertHistory(string sql, Guid tenantId, IReadOnlyList<RoutingHistoryEntry> rows)
    {
        var n = rows.Count;
        var at = new DateTimeOffset[n];
        var kinds = new string[n];
        var interactions = new Guid?[n];
        var queues = new Guid?[n];
        var agents = new Guid?[n];
        var details = new string[n];
        for (var i = 0; i < n; i++)
        {
            var row = rows[i];
            at[i] = row.At.ToUniversalTime();
            kinds[i] = row.Kind;
            interactions[i] = row.InteractionId;
            queues[i] = row.QueueId;
            agents[i] = row.AgentId;
            details[i] = row.Detail;
        }

        return new NpgsqlBatchCommand(sql)
        {
            Parameters = { Value(tenantId), Value(at), Value(kinds), Value(interactions), Value(queues), Value(agents), Value(details) },
        };
    }

    private static NpgsqlParameter<T> Value<T>(T value) => new() { TypedValue = value };
}
