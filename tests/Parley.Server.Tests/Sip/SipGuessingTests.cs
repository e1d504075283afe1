using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Parley.Server.Tests.Support;
using Parley.Sip.Auth;
using Parley.Sip.Stack;

namespace Parley.Server.Tests.Sip;

/// <summary>
/// Password guessing and digest replay against the real server over UDP from loopback (which is not exempt): a source
/// that keeps guessing is refused for the account, counted on /metrics; a captured answer cannot be replayed.
/// </summary>
public sealed partial class SipGuessingTests(ParleyAppFactory factory) : IClassFixture<ParleyAppFactory>
{
    private const string DemoRealm = "demo.sip.parley";
    private const string Password = "Guess-Me-Not-2026";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private int SipPort => factory.Services.GetRequiredService<SipStack>().Listeners[0].EndPoint.Port;

    [Fact]
    public async Task TenWrongRegisterDigests_FromLoopback_GetTheRightPasswordRefusedWith403_AndShowOnMetrics()
    {
        var user = await CreateSipUserAsync("guessed");
        for (var i = 0; i < 10; i++)
        {
            var wrong = await SipDigestRegistration.RegisterAsync(SipPort, user, DemoRealm, $"guess-{i}", 60, Ct);
            Assert.StartsWith("SIP/2.0 401", wrong, StringComparison.Ordinal);
        }

        var right = await SipDigestRegistration.RegisterAsync(SipPort, user, DemoRealm, Password, 60, Ct);

        Assert.StartsWith("SIP/2.0 403 Too many failed authentications", right, StringComparison.Ordinal);
        using var client = factory.CreateAnonymousClient();
        var metrics = await client.GetStringAsync("/metrics", Ct);
        Assert.Matches("parley_sip_auth_failures_total [1-9]", metrics);
        Assert.Matches("parley_sip_auth_blocks_total\\{scope=\"account\"\\} [1-9]", metrics);
        Assert.Matches("parley_sip_auth_refused_total\\{scope=\"account\"\\} [1-9]", metrics);
    }

    [Fact]
    public async Task TenWrongInviteDigests_GetTheNextInviteRefusedWith403()
    {
        var user = await CreateSipUserAsync("caller");
        using var phone = new SipDigestInvite(SipPort);
        for (var i = 0; i < 10; i++)
        {
            var wrong = await phone.CallAsync(user, DemoRealm, $"guess-{i}", "sip:agent2@" + DemoRealm, Ct);
            Assert.StartsWith("SIP/2.0 401", wrong[1], StringComparison.Ordinal);
        }

        var right = await phone.CallAsync(user, DemoRealm, Password, "sip:agent2@" + DemoRealm, Ct);

        Assert.StartsWith("SIP/2.0 403 Too many failed authentications", right[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ACapturedAuthorization_ReplayedWithAnotherCallIdAndContact_Gets401(bool qop)
    {
        var user = await CreateSipUserAsync(qop ? "replay-qop" : "replay-2069");
        var aor = $"sip:{user}@{DemoRealm}";
        var uri = $"sip:{DemoRealm}";
        using var phone = new SipUdpProbe(SipPort);
        var callId = Guid.NewGuid().ToString("N");
        var challenge = await phone.SendAsync(phone.Request("REGISTER", uri, aor, callId, 1, "Expires: 600\r\n"), Ct);
        var nonce = Nonce().Match(challenge).Groups[1].Value;
        var answer = SipDigestAuthenticator.ComputeResponse("MD5", user, DemoRealm, Password, "REGISTER", uri, nonce, qop ? "auth" : null, "00000001", "c0ffee");
        var captured = $"Authorization: Digest username=\"{user}\", realm=\"{DemoRealm}\", nonce=\"{nonce}\", uri=\"{uri}\", response=\"{answer}\", algorithm=MD5" +
            (qop ? ", qop=auth, nc=00000001, cnonce=\"c0ffee\"" : string.Empty) + "\r\n";
        var registered = await phone.SendAsync(phone.Request("REGISTER", uri, aor, callId, 2, "Expires: 600\r\n" + captured), Ct);
        Assert.StartsWith("SIP/2.0 200", registered, StringComparison.Ordinal);

        using var eavesdropper = new SipUdpProbe(SipPort);
        var replayed = await eavesdropper.SendAsync(eavesdropper.Request("REGISTER", uri, aor, Guid.NewGuid().ToString("N"), 1, "Expires: 600\r\n" + captured), Ct);

        Assert.StartsWith("SIP/2.0 401", replayed, StringComparison.Ordinal);
        var bindings = await factory.Services.GetRequiredService<SipStack>().Registrar!.LookupAsync(aor, Ct);
        Assert.Equal($"sip:probe@127.0.0.1:{phone.Port}", Assert.Single(bindings).Contact);
    }

    private async Task<string> CreateSipUserAsync(string prefix)
    {
        var user = Names.Unique(prefix);
        using var admin = await factory.SignInDemoAsync("admin");
        var owner = await admin.CreateUserAsync(Names.Unique(prefix + "-owner"), "agent");
        using var created = await admin.PostAsJsonAsync("/api/v1/sip-credentials", new { userId = owner.GetProperty("id").GetGuid(), sipUserName = user, password = Password }, Ct);
        await created.ExpectAsync(201);
        return user;
    }

    [GeneratedRegex("nonce=\"([^\"]+)\"")]
    private static partial Regex Nonce();
}
