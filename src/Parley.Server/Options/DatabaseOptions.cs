using System.ComponentModel.DataAnnotations;

namespace Parley.Server.Options;

/// <summary><c>Parley:Database</c>: which provider to use. The connection string is <c>ConnectionStrings:Parley</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Parley:Database";

    /// <summary><see cref="DatabaseProvider.Sqlite"/> (default) or <see cref="DatabaseProvider.Postgres"/>.</summary>
    [EnumDataType(typeof(DatabaseProvider))]
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply pending migrations at start-up (default true).</summary>
    public bool MigrateOnStart { get; set; } = true;
}
