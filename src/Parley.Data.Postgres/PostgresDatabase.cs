using Microsoft.EntityFrameworkCore;

namespace Parley.Data.Postgres;

/// <summary>The production database: PostgreSQL through Npgsql, with its own migrations in this assembly.</summary>
public static class PostgresDatabase
{
    public static DbContextOptionsBuilder UseParleyPostgres(this DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(typeof(PostgresDatabase).Assembly.GetName().Name))
            .UseParleyModel();
}
