using Microsoft.EntityFrameworkCore;

namespace Parley.Data.Sqlite;

/// <summary>The embedded default: one SQLite file, with its own migrations in this assembly.</summary>
public static class SqliteDatabase
{
    public static DbContextOptionsBuilder UseParleySqlite(this DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(typeof(SqliteDatabase).Assembly.GetName().Name))
            .UseParleyModel();
}
