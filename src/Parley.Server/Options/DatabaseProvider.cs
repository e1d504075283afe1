namespace Parley.Server.Options;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
