using System.Reflection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Parley.Cluster.Hosting;

/// <summary>
/// Creates the tables and statements Orleans' ADO.NET clustering and reminders need in PostgreSQL, once per database.
/// Nodes starting together take turns on an advisory lock; each part is created in one transaction when its table is
/// missing and left alone when present, so a restart or a second node changes nothing.
/// </summary>
public static class OrleansSchema
{
    // "parley-orleans-schema" as a fixed 64-bit advisory lock key.
    private const long LockKey = 0x7061726C_6579_4F53;

    private static readonly (string Part, string Table, string Script)[] Parts =
    [
        ("queries", "orleansquery", "PostgreSQL-Queries.sql"),
        ("clustering", "orleansmembershiptable", "PostgreSQL-Clustering.sql"),
        ("reminders", "orleansreminderstable", "PostgreSQL-Reminders.sql"),
    ];

    /// <summary>Creates what is missing; returns the parts it created (empty when all were there).</summary>
    public static async Task<IReadOnlyList<string>> EnsureCreatedAsync(string connectionString, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(logger);
        var created = new List<string>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction))
        {
            lockCommand.Parameters.AddWithValue("key", LockKey);
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var (part, table, script) in Parts)
        {
            if (await TableExistsAsync(connection, transaction, table, cancellationToken))
            {
                continue;
            }

            await using var command = new NpgsqlCommand(ReadScript(script), connection, transaction);
            await command.ExecuteNonQueryAsync(cancellationToken);
            created.Add(part);
        }

        await transaction.CommitAsync(cancellationToken);
        if (created.Count > 0)
        {
            Log.OrleansSchemaCreated(logger, string.Join(", ", created));
        }

        return created;
    }

    private static async Task<bool> TableExistsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string table, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT to_regclass(@table) IS NOT NULL", connection, transaction);
        command.Parameters.AddWithValue("table", table);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static string ReadScript(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Parley.Cluster.Hosting.Schema.{name}")
            ?? throw new InvalidOperationException($"The embedded script {name} is missing from Parley.Cluster.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
