namespace Parley.Data.Tests;

public sealed class SqliteDataLayerTests(SqliteTestDatabase database)
    : DataLayerTests<SqliteTestDatabase>(database), IClassFixture<SqliteTestDatabase>;
