using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Parley.Server.Tests.Support;
using Parley.Sip.Stack;

namespace Parley.Server.Tests.Sip;

/// <summary>A phone that was sent 200 OK stays registered when the server restarts on the same database.</summary>
public sealed class SipRegistrationRestartTests
{
    private const string Aor = "sip:agent1@demo.sip.parley";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ARegistration_SurvivesARestart()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("parley-sip-restart-").FullName;
        try
        {
            await using (var first = new SharedDatabaseAppFactory(dataDirectory))
            {
                var answer = await SipDigestRegistration.RegisterAsync(await SipPortAsync(first), "agent1", "demo.sip.parley", ParleyAppFactory.DemoSipPassword, 3600, Ct);
                Assert.StartsWith("SIP/2.0 200", answer, StringComparison.Ordinal);
            }

            await using var second = new SharedDatabaseAppFactory(dataDirectory);
            await SipPortAsync(second);

            var binding = Assert.Single(await second.Services.GetRequiredService<SipStack>().Registrar!.LookupAsync(Aor, Ct));
            Assert.StartsWith("sip:probe@127.0.0.1:", binding.Contact, StringComparison.Ordinal);
            Assert.Equal("UDP", binding.Transport);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    private static async Task<int> SipPortAsync(SharedDatabaseAppFactory factory)
    {
        using var client = factory.CreateAnonymousClient();
        using var ready = await client.GetAsync("/health/ready", Ct);
        return factory.Services.GetRequiredService<SipStack>().Listeners[0].EndPoint.Port;
    }
}
