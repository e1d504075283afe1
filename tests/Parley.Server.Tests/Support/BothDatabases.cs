using Parley.Testing.Postgres;

namespace Parley.Server.Tests.Support;

/// <summary>The demo server on SQLite, or on a new database of the throwaway PostgreSQL cluster: for tests that run on both.</summary>
internal static class BothDatabases
{
    public static async Task<ParleyAppFactory> StartAsync(PostgresCluster postgres, string database, string databaseName) =>
        database == "sqlite"
            ? new ParleyAppFactory()
            : new ConfiguredAppFactory(("Parley:Database:Provider", "Postgres"), ("ConnectionStrings:Parley", await postgres.CreateDatabaseAsync(databaseName)));
}
