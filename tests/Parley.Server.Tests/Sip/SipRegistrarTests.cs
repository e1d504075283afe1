using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Parley.Server.Options;
using Parley.Server.Tests.Support;
using Parley.Sip.Auth;
using Parley.Sip.Stack;

namespace Parley.Server.Tests.Sip;

/// <summary>REGISTER with digest against the tenants' SIP credentials (realm = the tenant's SIP domain).</summary>
public sealed partial class SipRegistrarTests(ParleyAppFactory factory) : IClassFixture<ParleyAppFactory>
{
    private const string DemoRealm = "demo.sip.parley";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DemoAgent_RegistersWithDigest_AndGets200()
    {
        var response = await RegisterAsync("agent1", DemoRealm, ParleyAppFactory.DemoSipPassword);

        Assert.StartsWith("SIP/2.0 200", response, StringComparison.Ordinal);
        Assert.Contains("expires=", response, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task WrongPassword_GetsAnother401()
    {
        var response = await RegisterAsync("agent2", DemoRealm, "not-the-sip-password");

        Assert.StartsWith("SIP/2.0 401", response, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WebPassword_IsNotASipPassword()
    {
        var response = await RegisterAsync("agent3", DemoRealm, ParleyAppFactory.DemoAgentPassword);

        Assert.StartsWith("SIP/2.0 401", response, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DemoCredentials_DoNotWorkInAnotherTenantsRealm()
    {
        var other = await factory.CreateOtherTenantAsync();

        var response = await RegisterAsync("agent1", $"{other.Slug}.sip.parley", ParleyAppFactory.DemoSipPassword);

        Assert.StartsWith("SIP/2.0 401", response, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACredentialCreatedThroughTheApi_Registers()
    {
        using var admin = await factory.SignInDemoAsync("admin");
        var user = await admin.CreateUserAsync(Names.Unique("phone"), "agent");
        var sipUser = Names.Unique("sip");
        using var created = await admin.PostAsJsonAsync("/api/v1/sip-credentials", new { userId = user.GetProperty("id").GetGuid(), sipUserName = sipUser, password = "Phone-Secret-2026" }, Ct);
        await created.ExpectAsync(201);

        var response = await RegisterAsync(sipUser, DemoRealm, "Phone-Secret-2026");

        Assert.StartsWith("SIP/2.0 200", response, StringComparison.Ordinal);
    }

    private async Task<string> RegisterAsync(string user, string realm, string password)
    {
        using var client = factory.CreateAnonymousClient();
        using var ready = await client.GetAsync("/health/ready", Ct);
        using var probe = new SipUdpProbe(factory.Services.GetRequiredService<SipStack>().Listeners[0].EndPoint.Port);
        var aor = $"sip:{user}@{realm}";
        var callId = Guid.NewGuid().ToString("N");
        var challenge = await probe.SendAsync(probe.Request("REGISTER", $"sip:{realm}", aor, callId, 1, "Expires: 300\r\n"), Ct);
        Assert.StartsWith("SIP/2.0 401", challenge, StringComparison.Ordinal);
        var nonce = Nonce().Match(challenge).Groups[1].Value;
        Assert.Contains($"realm=\"{realm}\"", challenge, StringComparison.Ordinal);
        var uri = $"sip:{realm}";
        var answer = SipDigestAuthenticator.ComputeResponse("SHA-256", user, realm, password, "REGISTER", uri, nonce, "auth", "00000001", "c0ffee");
        var authorization = $"Authorization: Digest username=\"{user}\", realm=\"{realm}\", nonce=\"{nonce}\", uri=\"{uri}\", response=\"{answer}\", algorithm=SHA-256, qop=auth, nc=00000001, cnonce=\"c0ffee\"\r\n";
        return await probe.SendAsync(probe.Request("REGISTER", uri, aor, callId, 2, "Expires: 300\r\n" + authorization), Ct);
    }

    [GeneratedRegex("nonce=\"([^\"]+)\"")]
    private static partial Regex Nonce();
}
