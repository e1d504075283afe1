using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Parley.Data.Entities.Acd;

namespace Parley.Server.Routing.Saving;

/// <summary>
/// The statements of <see cref="PostgresRoutingSave"/>, with table and column names taken from the EF model (so a
/// migration that renames one cannot leave them behind). Each insert takes one array per column and inserts every row
/// of the save with <c>unnest</c>: one statement text whatever the number of rows, so PostgreSQL parses and plans it
/// once per connection (Npgsql's automatic preparation), and one parameter per column instead of one per value.
/// </summary>
internal sealed record PostgresRoutingStatements(string CheckOwnership, string InsertInteractions, string InsertHistory)
{
    private static PostgresRoutingStatements? s_built;

    public static PostgresRoutingStatements For(DbContext db) => s_built ??= Build(db.Model, db.GetService<ISqlGenerationHelper>());

    private static PostgresRoutingStatements Build(IModel model, ISqlGenerationHelper sql)
    {
        var ownership = Table<RoutingOwnership>(model, sql);
        var interactions = Table<InteractionRecord>(model, sql);
        var history = Table<RoutingHistoryEntry>(model, sql);

        // $1 tenant, $2 the saving activation's epoch: matches one row only while that epoch is the latest claim.
        var checkOwnership =
            $"UPDATE {ownership.Name} SET {ownership[nameof(RoutingOwnership.Epoch)]} = $2 " +
            $"WHERE {ownership[nameof(RoutingOwnership.TenantId)]} = $1 AND {ownership[nameof(RoutingOwnership.Epoch)]} = $2";

        // $1 tenant, $2 status, $3 version; $4.. one array per column, in the order of the unnest list.
        var insertInteractions =
            $"INSERT INTO {interactions.Name} ({interactions.List(
                nameof(InteractionRecord.TenantId), nameof(InteractionRecord.Status), nameof(InteractionRecord.Version),
                nameof(InteractionRecord.Id), nameof(InteractionRecord.QueueId), nameof(InteractionRecord.Channel), nameof(InteractionRecord.Priority),
                nameof(InteractionRecord.Attributes), nameof(InteractionRecord.EnqueuedAt), nameof(InteractionRecord.Sequence))}) " +
            "SELECT $1, $2, $3, u.* FROM unnest($4, $5, $6, $7, $8, $9, $10) AS u";

        // $1 tenant; $2.. one array per column.
        var insertHistory =
            $"INSERT INTO {history.Name} ({history.List(
                nameof(RoutingHistoryEntry.TenantId), nameof(RoutingHistoryEntry.At), nameof(RoutingHistoryEntry.Kind),
                nameof(RoutingHistoryEntry.InteractionId), nameof(RoutingHistoryEntry.QueueId), nameof(RoutingHistoryEntry.AgentId),
                nameof(RoutingHistoryEntry.Detail))}) " +
            "SELECT $1, u.* FROM unnest($2, $3, $4, $5, $6, $7) AS u";

        return new PostgresRoutingStatements(checkOwnership, insertInteractions, insertHistory);
    }

    private static MappedTable Table<T>(IModel model, ISqlGenerationHelper sql)
    {
        var entity = model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        return new MappedTable(sql.DelimitIdentifier(table.Name, table.Schema), property =>
            sql.DelimitIdentifier((entity.FindProperty(property) ?? throw new InvalidOperationException($"{typeof(T).Name}.{property} is not mapped."))
                .GetColumnName(table)!));
    }

    private sealed record MappedTable(string Name, Func<string, string> Column)
    {
        public string this[string property] => Column(property);

        public string List(params string[] properties) => string.Join(", ", properties.Select(Column));
    }
}
