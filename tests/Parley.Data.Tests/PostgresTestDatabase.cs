using Microsoft.EntityFrameworkCore;
using Parley.Data.Postgres;
using Parley.Testing.Postgres;

namespace Parley.Data.Tests;

public sealed class PostgresTestDatabase(PostgresCluster cluster) : TestDatabase
{
    protected override async Task<DbContextOptions<ParleyDbContext>> CreateOptionsAsync()
    {
        var builder = new DbContextOptionsBuilder<ParleyDbContext>();
        builder.UseParleyPostgres(await cluster.CreateDatabaseAsync("parley_data"));
        return builder.Options;
    }
}
