using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Parley.Server.Tests.Acd;
using Parley.Server.Tests.Sip;
using Parley.Server.Tests.Support;
using Parley.Sip.Stack;
using Parley.Testing.Redis;

namespace Parley.Server.Tests.Cluster;

/// <summary>
/// One phone account registering through two nodes at once (two desk phones of one agent, each behind another node):
/// each node reads the binding set, adds its contact and writes the set back; without one lock across the nodes the
/// later write drops the earlier contact although both phones got 200 OK.
/// </summary>
public sealed class ClusterRegistrationTests(TwoNodeCluster cluster) : IClassFixture<TwoNodeCluster>
{
    private const string Realm = "demo.sip.parley";
    private const string User = "agent3";
    private const int Rounds = 12;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RegistersOfOneAddressOfRecord_ArrivingOnTwoNodesAtOnce_KeepBothContacts()
    {
        Assert.SkipWhen(RedisServer.Executable is null, "redis-server is not installed (eng/test.sh installs it)");
        using var admin = await cluster.A.SignInDemoAsync("admin");
        var aor = $"sip:{User}@{Realm}";
        var lost = new List<string>();
        for (var round = 0; round < Rounds; round++)
        {
            var first = $"sip:{User}@127.0.0.1:{41000 + (2 * round)}";
            var second = $"sip:{User}@127.0.0.1:{41001 + (2 * round)}";
            var answers = await Task.WhenAll(
                RegisterAsync(cluster.A, first, 300),
                RegisterAsync(cluster.B, second, 300));
            Assert.All(answers, a => Assert.StartsWith("SIP/2.0 200", a, StringComparison.Ordinal));

            var stored = await ContactsAsync(admin, aor);
            lost.AddRange(new[] { first, second }.Where(c => !stored.Contains(c)));
            await Task.WhenAll(RegisterAsync(cluster.A, first, 0), RegisterAsync(cluster.B, second, 0));
        }

        Assert.Empty(lost);
        Assert.Empty(await ContactsAsync(admin, aor));
    }

    private static Task<string> RegisterAsync(ParleyAppFactory node, string contact, int expires) =>
        SipDigestRegistration.RegisterAsync(
            node.Services.GetRequiredService<SipStack>().Listeners[0].EndPoint.Port, User, Realm, ParleyAppFactory.DemoSipPassword, expires, Ct, contact);

    private static async Task<List<string>> ContactsAsync(HttpClient admin, string aor) =>
        [.. (await admin.JsonAsync($"/api/v1/sip/registrations?aor={Uri.EscapeDataString(aor)}")).GetProperty("items").EnumerateArray()
            .Where(r => r.GetProperty("expiresAt").GetDateTimeOffset() > TimeProvider.System.GetUtcNow())
            .Select(r => r.GetProperty("contactUri").GetString()!)];
}
