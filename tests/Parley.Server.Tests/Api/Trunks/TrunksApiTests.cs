using System.Net.Http.Json;
using Parley.Server.Tests.Acd;
using Parley.Server.Tests.Support;

namespace Parley.Server.Tests.Api.Trunks;

/// <summary>SIP trunks: validated addresses, write-only passwords, caller ID from the tenant's own numbers, bounded limits.</summary>
public sealed class TrunksApiTests(AcdAppFactory factory) : IClassFixture<AcdAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ATrunk_KeepsCanonicalAddressBlocks_AndNeverShowsItsPasswords()
    {
        using var admin = await factory.SignInDemoAsync("admin");

        using var response = await admin.PostAsJsonAsync("/api/v1/trunks", new
        {
            name = "Carrier " + Guid.NewGuid().ToString("N")[..6],
            allowedAddresses = new[] { "203.0.113.0/24", "198.51.100.7", "2001:db8::/32" },
            inboundUserName = "carrier-" + Guid.NewGuid().ToString("N")[..6],
            inboundPassword = "Inbound-Secret-2026",
            outboundHost = "sip.carrier.example",
            outboundTransport = "tls",
            outboundUserName = "acct42",
            outboundPassword = "Outbound-Secret-2026",
            countryCode = "1",
            nationalPrefix = "1",
            maxConcurrentCalls = 100,
            maxCallsPerSecond = 5,
            allowedDestinations = new[] { "+1", "+4420", "+1" },
        }, Ct);

        var text = await (await response.ExpectAsync(201)).Content.ReadAsStringAsync(Ct);
        var trunk = await response.ReadJsonAsync();
        Assert.Equal(["203.0.113.0/24", "198.51.100.7/32", "2001:db8::/32"], trunk.GetProperty("allowedAddresses").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(["+1", "+4420"], trunk.GetProperty("allowedDestinations").EnumerateArray().Select(a => a.GetString()));
        Assert.True(trunk.GetProperty("hasInboundPassword").GetBoolean());
        Assert.True(trunk.GetProperty("hasOutboundPassword").GetBoolean());
        Assert.DoesNotContain("Secret-2026", text, StringComparison.Ordinal);
        Assert.Equal(("tls", 5060, 100, 5), (trunk.GetProperty("outboundTransport").GetString(), trunk.GetProperty("outboundPort").GetInt32(),
            trunk.GetProperty("maxConcurrentCalls").GetInt32(), trunk.GetProperty("maxCallsPerSecond").GetInt32()));
    }

    [Theory]
    [InlineData("allowedAddresses", """{"name":"t","allowedAddresses":["10.0.0.1/8"]}""")]
    [InlineData("allowedAddresses", """{"name":"t","allowedAddresses":["example.com"]}""")]
    [InlineData("allowedAddresses", """{"name":"t","allowedAddresses":["2001:db8::/200"]}""")]
    [InlineData("outboundTransport", """{"name":"t","outboundHost":"h.example","outboundTransport":"sctp"}""")]
    [InlineData("callerIdPolicy", """{"name":"t","callerIdPolicy":"Random"}""")]
    [InlineData("callerIdNumber", """{"name":"t","callerIdPolicy":"Fixed","callerIdNumber":"+15559990000"}""")]
    [InlineData("inboundPassword", """{"name":"t","inboundUserName":"carrier"}""")]
    [InlineData("outboundPassword", """{"name":"t","outboundHost":"h.example","outboundUserName":"acct"}""")]
    [InlineData("MaxCallsPerSecond", """{"name":"t","maxCallsPerSecond":5000}""")]
    [InlineData("MaxConcurrentCalls", """{"name":"t","maxConcurrentCalls":0}""")]
    [InlineData("CountryCode", """{"name":"t","countryCode":"0"}""")]
    [InlineData("allowedDestinations", """{"name":"t","allowedDestinations":["44"]}""")]
    [InlineData("allowedDestinations", """{"name":"t","allowedDestinations":["+44 20"]}""")]
    [InlineData("allowedDestinations", """{"name":"t","allowedDestinations":["+1234567890123456"]}""")]
    public async Task AnInvalidTrunk_IsRefusedNamingTheField(string field, string body)
    {
        using var admin = await factory.SignInDemoAsync("admin");

        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using var response = await admin.PostAsync("/api/v1/trunks", content, Ct);

        var problem = await (await response.ExpectAsync(400)).ReadJsonAsync();
        Assert.Contains(problem.GetProperty("errors").EnumerateObject(), e => string.Equals(e.Name, field, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task AFixedCallerId_IsOneOfTheTenantsOwnNumbers()
    {
        var number = ParleyAppFactory.UniqueNumber();
        await factory.AssignNumberAsync(number, await factory.DemoTenantIdAsync());
        using var admin = await factory.SignInDemoAsync("admin");

        var trunk = await admin.PostJsonAsync("/api/v1/trunks", new { name = "Fixed " + number, callerIdPolicy = "Fixed", callerIdNumber = number }, 201);

        Assert.Equal(number, trunk.GetProperty("callerIdNumber").GetString());
    }

    [Fact]
    public async Task ReplacingATrunk_WithoutPasswords_KeepsTheStoredOnes()
    {
        using var admin = await factory.SignInDemoAsync("admin");
        var name = "Keep " + Guid.NewGuid().ToString("N")[..6];
        var user = "keep-" + Guid.NewGuid().ToString("N")[..6];
        var created = await admin.PostJsonAsync("/api/v1/trunks", new { name, inboundUserName = user, inboundPassword = "Inbound-Secret-2026" }, 201);
        var id = created.GetProperty("id").GetGuid();

        using var replaced = await admin.PutJsonAsync($"/api/v1/trunks/{id}", new { name, inboundUserName = user, allowedAddresses = new[] { "192.0.2.1" } }, "\"1\"");

        var trunk = await (await replaced.ExpectAsync(200)).ReadJsonAsync();
        Assert.True(trunk.GetProperty("hasInboundPassword").GetBoolean());
        Assert.Equal(2, trunk.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task AnotherTenantsTrunk_AnswersNotFound()
    {
        var other = await factory.CreateOtherTenantAsync();
        using var admin = await factory.SignInDemoAsync("admin");
        var trunk = ParleyAppFactory.TrunkOf(other.TenantId);

        await admin.JsonAsync($"/api/v1/trunks/{trunk}", 404);
        await (await admin.PutJsonAsync($"/api/v1/trunks/{trunk}", new { name = "mine now" }, "\"1\"")).ExpectAsync(404);
        await (await admin.DeleteAsync($"/api/v1/trunks/{trunk}", Ct)).ExpectAsync(404);
        var list = await admin.JsonAsync("/api/v1/trunks?limit=100");

        Assert.DoesNotContain(other.Canary, list.ToString(), StringComparison.OrdinalIgnoreCase);
    }
}
