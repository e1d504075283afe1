using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Parley.Domain.Tenants;

namespace Parley.Server.Tenants;

/// <summary>
/// The tables the EF model maps for tenant-owned entities, read from the model (table, schema and the column of
/// <see cref="ITenantOwned.TenantId"/>), so erasing a tenant needs no list to keep and no reflection.
/// </summary>
internal sealed record TenantTables(string? Schema, string Table, string TenantColumn)
{
    public static IEnumerable<TenantTables> Of(IModel model)
    {
        foreach (var entityType in model.GetEntityTypes())
        {
            if (!typeof(ITenantOwned).IsAssignableFrom(entityType.ClrType) || entityType.BaseType is not null
                || entityType.GetTableName() is not { } table)
            {
                continue;
            }

            var schema = entityType.GetSchema();
            var column = entityType.GetProperty(nameof(ITenantOwned.TenantId)).GetColumnName(StoreObjectIdentifier.Table(table, schema))!;
            yield return new TenantTables(schema, table, column);
        }
    }

    /// <summary>Deletes this table's rows of the tenant; names come from the model and are quoted, the id is a parameter.</summary>
    public Task<int> EraseAsync(DbContext db, Guid tenantId, CancellationToken cancellationToken)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var statement = "DELETE FROM " + sql.DelimitIdentifier(Table, Schema) + " WHERE " + sql.DelimitIdentifier(TenantColumn) + " = {0}";
        return db.Database.ExecuteSqlRawAsync(statement, [tenantId], cancellationToken);
    }
}
