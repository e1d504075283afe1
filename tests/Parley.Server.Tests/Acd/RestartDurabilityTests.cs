using Parley.Server.Tests.Support;

namespace Parley.Server.Tests.Acd;

/// <summary>A server restart finds every queued interaction again, in order and with its waiting time, and signed-in agents.</summary>
public sealed class RestartDurabilityTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("parley-restart-").FullName;

    [Fact]
    public async Task Restart_RestoresQueueOrderWaitingTimesAndSignedInAgents()
    {
        var ids = new List<Guid>();
        DateTimeOffset started;
        await using (var before = new SharedDirectoryFactory(_directory))
        {
            started = before.Time.GetUtcNow();
            using var api = await before.ApiClientAsync();
            using var agent = await before.SignInDemoAsync("agent2");
            await agent.PostJsonAsync("/api/v1/agents/me/sign-in", new { reason = "training" }, 200);
            var support = await api.IdByAsync("/api/v1/queues", "name", "Support");
            for (var n = 0; n < 5; n++)
            {
                ids.Add(await api.CreateInteractionAsync(support, n % 2 == 0 ? "Chat" : "Email"));
                before.Time.Advance(TimeSpan.FromSeconds(1));
            }
        }

        await using var after = new SharedDirectoryFactory(_directory);
        after.Time.SetUtcNow(started + TimeSpan.FromMinutes(30));
        using var client = await after.ApiClientAsync();
        var chats = ids.Where((_, n) => n % 2 == 0).ToList();
        for (var position = 1; position <= chats.Count; position++)
        {
            var interaction = await client.JsonAsync($"/api/v1/interactions/{chats[position - 1]}");
            var live = interaction.GetProperty("position");
            Assert.Equal(("Waiting", position), (live.GetProperty("status").GetString(), live.GetProperty("position").GetInt32()));
            Assert.True(TimeSpan.Parse(live.GetProperty("waitedSoFar").GetString()!, System.Globalization.CultureInfo.InvariantCulture) >= TimeSpan.FromMinutes(29));
        }

        var agents = await client.JsonAsync("/api/v1/realtime/agents");
        var bob = agents.GetProperty("items").EnumerateArray().Single(a => a.GetProperty("name").GetString() == "Bob Agent").GetProperty("live");
        Assert.Equal(("NotReady", "training"), (bob.GetProperty("state").GetString(), bob.GetProperty("reasonCode").GetString()));
        var support2 = (await client.JsonAsync("/api/v1/realtime/queues")).GetProperty("items").EnumerateArray().Single(q => q.GetProperty("name").GetString() == "Support");
        Assert.Equal(5, support2.GetProperty("metrics").GetProperty("waiting").GetInt32());
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>A server on a data directory that outlives it, as a restarted process would see it.</summary>
    private sealed class SharedDirectoryFactory(string directory) : ParleyAppFactory
    {
        protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings => [new("Parley:DataDirectory", directory)];
    }
}
