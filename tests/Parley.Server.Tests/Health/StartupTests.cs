using Parley.Server.Options;
using Parley.Server.Tests.Support;

namespace Parley.Server.Tests.Health;

/// <summary>
/// The HTTP port opens while the start-up work (migrations, platform operator, demo tenant) still runs: /health/ready
/// must say 503 until the server can really serve, and the demo credentials must work as soon as it says 200.
/// </summary>
public sealed class StartupTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Ready_Is503WhileSeedingIsHeld_Then200AndTheDemoAdminSignsIn()
    {
        await using var factory = new HeldStartupAppFactory();
        _ = factory.Server;
        await factory.ServerStarted.WaitAsync(Ct);
        using var client = factory.CreateAnonymousClient();

        using (var starting = await client.GetAsync("/health/ready", Ct))
        {
            await starting.ExpectAsync(503);
        }

        using (var live = await client.GetAsync("/health/live", Ct))
        {
            await live.ExpectAsync(200);
        }

        Assert.False(factory.HostStarted.IsCompleted);
        factory.ReleaseSeeding();
        await factory.HostStarted.WaitAsync(Ct);

        using var ready = await client.GetAsync("/health/ready", Ct);
        await ready.ExpectAsync(200);
        using var admin = await factory.SignInDemoAsync("admin");
        using var agents = await admin.GetAsync("/api/v1/agents", Ct);
        await agents.ExpectAsync(200);
        Assert.Equal(3, (await agents.ReadJsonAsync()).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Ready_RightAfterStart_TheDemoCredentialsAndTheOperatorWork()
    {
        await using var factory = new ParleyAppFactory();
        using var client = factory.CreateAnonymousClient();
        using var ready = await client.GetAsync("/health/ready", Ct);
        await ready.ExpectAsync(200);

        using var admin = await factory.SignInDemoAsync("admin");
        using var agent = await factory.SignInDemoAsync("agent3");
        using var operatorClient = await factory.SignInOperatorAsync();
        using var token = await factory.RequestTokenAsync(ParleyAppFactory.DemoApiClientId, ParleyAppFactory.DemoApiClientSecret);
        await token.ExpectAsync(200);
        using var agents = await admin.GetAsync("/api/v1/agents", Ct);
        await agents.ExpectAsync(200);
        Assert.Equal(3, (await agents.ReadJsonAsync()).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task StartupWorkThatFails_StopsTheStart()
    {
        await using var factory = new RejectedDemoPasswordAppFactory();
        var error = Assert.ThrowsAny<Exception>(() => factory.Server);
        Assert.Contains("Demo password for 'admin' is not accepted", Flatten(error), StringComparison.Ordinal);
    }

    private static string Flatten(Exception error) =>
        string.Join(" | ", Enumerable.Repeat(error, 1).Concat(error is AggregateException aggregate ? aggregate.Flatten().InnerExceptions : []).Select(e => e.ToString()));

    private sealed class RejectedDemoPasswordAppFactory : ParleyAppFactory
    {
        protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings => [new("Parley:Demo:AdminPassword", "short")];
    }
}
