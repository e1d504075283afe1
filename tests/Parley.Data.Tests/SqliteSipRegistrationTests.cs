namespace Parley.Data.Tests;

public sealed class SqliteSipRegistrationTests(SqliteTestDatabase database)
    : SipRegistrationTests<SqliteTestDatabase>(database), IClassFixture<SqliteTestDatabase>;
