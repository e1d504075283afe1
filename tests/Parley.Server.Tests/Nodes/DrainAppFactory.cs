using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Parley.Server.Tests.Acd;
using Parley.Server.Tests.Voice.Calls;
using Parley.Voice.Nodes;

namespace Parley.Server.Tests.Nodes;

/// <summary>
/// A node to drain (one per test: a drain is never undone, and the node stops at its end) on the real clock, with
/// <c>Parley:Cluster:DrainTimeout</c> set to <paramref name="drainTimeout"/>.
/// </summary>
public sealed class DrainAppFactory(string drainTimeout = "00:05:00") : VoiceCallAppFactory
{
    private IHostApplicationLifetime? _lifetime;

    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings =>
        [.. base.ExtraSettings, new("Parley:Cluster:DrainTimeout", drainTimeout)];

    public string NodeId => Services.GetRequiredService<IVoiceNode>().Id;

    /// <summary>Whether the application was told to stop (the process exits, and systemd restarts it); readable after it stopped.</summary>
    public bool Stopping => (_lifetime ??= Services.GetRequiredService<IHostApplicationLifetime>()).ApplicationStopping.IsCancellationRequested;

    /// <summary>Drains this node as the platform operator would; answers the node's status.</summary>
    public async Task<System.Text.Json.JsonElement> DrainAsync()
    {
        _lifetime ??= Services.GetRequiredService<IHostApplicationLifetime>();
        using var platform = await SignInOperatorAsync();
        return await platform.PostJsonAsync($"/api/v1/platform/nodes/{NodeId}/drain", new { }, 202);
    }

    /// <summary>
    /// The stored record of the call to <paramref name="calledNumber"/> once it is closed — (disposition, release cause,
    /// released by) — read from the database file, which outlives the stopped node.
    /// </summary>
    public async Task<(string? Disposition, string? Cause, string? By)> StoredCallAsync(string calledNumber)
    {
        for (var attempt = 0; ; attempt++)
        {
            await using (var connection = new SqliteConnection($"Data Source={DatabasePath};Mode=ReadOnly;Pooling=False"))
            {
                await connection.OpenAsync(TestContext.Current.CancellationToken);
                await using var command = connection.CreateCommand();
                command.CommandText = "SELECT Disposition, ReleaseCause, ReleasedBy FROM CallRecords WHERE CalledNumber = $number AND EndedAt IS NOT NULL";
                command.Parameters.AddWithValue("$number", calledNumber);
                await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
                if (await reader.ReadAsync(TestContext.Current.CancellationToken))
                {
                    return (reader.IsDBNull(0) ? null : reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2));
                }
            }

            if (attempt == 100)
            {
                throw new TimeoutException($"No closed call record to {calledNumber}.");
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }
}
