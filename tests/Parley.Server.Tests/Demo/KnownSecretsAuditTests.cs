using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Parley.Server.Demo;
using Parley.Server.Tests.Support;

namespace Parley.Server.Tests.Demo;

/// <summary>Accounts holding a documented secret are never reachable off loopback, whatever mode the server restarts in.</summary>
public sealed class KnownSecretsAuditTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("parley-known-secrets-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ADataDirectorySeededWithDocumentedSecrets_RestartedOffLoopbackWithoutDemo_RefusesToStart()
    {
        await using (var seeded = new ConfiguredAppFactory(
            [
                new("Parley:DataDirectory", _directory),
                new("Parley:Demo:AdminPassword", DocumentedSecrets.AdminPassword),
                new("Parley:Demo:AgentPassword", DocumentedSecrets.AgentPassword),
                new("Parley:Demo:ApiClientSecret", DocumentedSecrets.ApiClientSecret),
                new("Parley:Demo:SipPassword", DocumentedSecrets.SipPassword),
                new("Parley:Platform:OperatorPassword", DocumentedSecrets.OperatorPassword),
            ]))
        {
            // On loopback they are allowed, and the audit finds every one of them, SIP credentials included.
            Assert.Equal(
                ["API client demo-api", "SIP agent1@demo.sip.parley", "SIP agent2@demo.sip.parley", "SIP agent3@demo.sip.parley", "demo/admin", "demo/agent1", "demo/agent2", "demo/agent3", "platform/operator"],
                await AuditAsync(seeded));
        }

        await using var restarted = new ConfiguredAppFactory(OffLoopback(demo: false), setsDemoSecrets: false);
        var refusal = await Assert.ThrowsAnyAsync<Exception>(() => Task.Run(() => restarted.CreateAnonymousClient().Dispose(), Ct));

        foreach (var account in new[] { "demo/admin", "platform/operator", "API client demo-api" })
        {
            Assert.Contains(account, refusal.ToString(), StringComparison.Ordinal);
        }

        Assert.DoesNotContain("demo/supervisor", refusal.ToString(), StringComparison.Ordinal); // its own password was set
    }

    [Fact]
    public async Task ADataDirectorySeededWithGeneratedSecrets_StartsOffLoopback()
    {
        await using (var seeded = new ConfiguredAppFactory([new("Parley:DataDirectory", _directory)], setsDemoSecrets: false))
        {
            Assert.Empty(await AuditAsync(seeded));
        }

        await using var restarted = new ConfiguredAppFactory(OffLoopback(demo: true), setsDemoSecrets: false);
        using var client = restarted.CreateAnonymousClient();
        using var ready = await client.GetAsync("/health/ready", Ct);
        await ready.ExpectAsync(200);
    }

    [Fact]
    public async Task ADocumentedSecretInConfiguration_StopsTheServerOffLoopback_BeforeAnythingIsSeeded()
    {
        await using var factory = new ConfiguredAppFactory(
            [.. OffLoopback(demo: true), new("Parley:Platform:OperatorPassword", DocumentedSecrets.OperatorPassword)], setsDemoSecrets: false);

        await Assert.ThrowsAnyAsync<Exception>(() => Task.Run(() => factory.CreateAnonymousClient().Dispose(), Ct));
        Assert.False(File.Exists(Path.Combine(_directory, "parley.db")));
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
        return ValueTask.CompletedTask;
    }

    private KeyValuePair<string, string>[] OffLoopback(bool demo) =>
    [
        new("Parley:DataDirectory", _directory),
        new("Parley:Demo:Enabled", demo ? "true" : "false"),
        new("urls", "https://0.0.0.0:0"),
        new("Parley:PublicUrl", "https://cc.example.com"),
    ];

    private static async Task<IReadOnlyList<string>> AuditAsync(ParleyAppFactory factory)
    {
        using (var client = factory.CreateAnonymousClient())
        using (var ready = await client.GetAsync("/health/ready", Ct))
        {
            await ready.ExpectAsync(200);
        }

        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KnownSecretsAudit>().FindAsync(httpExposed: true, sipExposed: true, Ct);
    }
}
