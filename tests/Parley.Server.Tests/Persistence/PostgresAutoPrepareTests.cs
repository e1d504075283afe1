using Npgsql;
using Parley.Data.Postgres;

namespace Parley.Server.Tests.Persistence;

/// <summary>PostgreSQL connections prepare the write path's repeated statements unless the operator says otherwise (a pooler in transaction mode).</summary>
public sealed class PostgresAutoPrepareTests
{
    [Fact]
    public void ByDefault_RepeatedStatementsArePrepared()
    {
        var built = new NpgsqlConnectionStringBuilder(PostgresDatabase.WithAutoPrepare("Host=127.0.0.1;Database=parley"));

        Assert.Equal((PostgresDatabase.DefaultMaxAutoPrepare, 2), (built.MaxAutoPrepare, built.AutoPrepareMinUsages));
        Assert.Equal("parley", built.Database);
    }

    [Theory]
    [InlineData("Host=127.0.0.1;Max Auto Prepare=0")]
    [InlineData("Host=127.0.0.1;MaxAutoPrepare=0")]
    [InlineData("Host=127.0.0.1;max auto prepare=0")]
    public void AnOperatorsSetting_IsKept(string connectionString) =>
        Assert.Equal(0, new NpgsqlConnectionStringBuilder(PostgresDatabase.WithAutoPrepare(connectionString)).MaxAutoPrepare);
}
