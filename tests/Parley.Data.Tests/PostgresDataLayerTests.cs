namespace Parley.Data.Tests;

public sealed class PostgresDataLayerTests(PostgresTestDatabase database)
    : DataLayerTests<PostgresTestDatabase>(database), IClassFixture<PostgresTestDatabase>;
