namespace Parley.Data.Tests;

public sealed class PostgresSipRegistrationTests(PostgresTestDatabase database)
    : SipRegistrationTests<PostgresTestDatabase>(database), IClassFixture<PostgresTestDatabase>;
