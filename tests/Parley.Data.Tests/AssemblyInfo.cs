using Parley.Testing.Postgres;

[assembly: AssemblyFixture(typeof(PostgresCluster))]
