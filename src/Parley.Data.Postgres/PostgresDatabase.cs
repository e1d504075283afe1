using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Parley.Data.Postgres;

/// <summary>The production database: PostgreSQL through Npgsql, with its own migrations in this assembly.</summary>
public static class PostgresDatabase
{
    /// <summary>Statements prepared per connection once used twice: the write path repeats a handful of inserts and updates.</summary>
    public const int DefaultMaxAutoPrepare = 64;

    public static DbContextOptionsBuilder UseParleyPostgres(this DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseNpgsql(WithAutoPrepare(connectionString), npgsql => npgsql.MigrationsAssembly(typeof(PostgresDatabase).Assembly.GetName().Name))
            .UseParleyModel();

    /// <summary>
    /// Npgsql's automatic preparation unless the connection string says otherwise: PostgreSQL then parses and plans each
    /// repeated statement once per connection instead of on every save. A pooler in transaction mode (PgBouncer) needs
    /// <c>Max Auto Prepare=0</c> in the connection string.
    /// </summary>
    public static string WithAutoPrepare(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        // Npgsql's builder answers ContainsKey for any keyword it knows; the operator's own keys are read plainly.
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(k => k.Replace(" ", "", StringComparison.Ordinal));
        if (!given.Contains("MaxAutoPrepare", StringComparer.OrdinalIgnoreCase))
        {
            builder.MaxAutoPrepare = DefaultMaxAutoPrepare;
            builder.AutoPrepareMinUsages = 2;
        }

        return builder.ConnectionString;
    }
}
