using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Parley.Server.Options;
using Parley.Server.Tests.Support;
using Parley.Sip.Stack;

namespace Parley.Server.Tests.Sip;

/// <summary>INVITEs from tenants' phones over real UDP: challenged in the caller's realm, routed only once authenticated, kept inside the tenant.</summary>
public sealed class SipInviteAuthenticationTests(ParleyAppFactory factory) : IClassFixture<ParleyAppFactory>
{
    private const string DemoRealm = "demo.sip.parley";
    private const string Agent2 = "sip:agent2@" + DemoRealm;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private int SipPort => factory.Services.GetRequiredService<SipStack>().Listeners[0].EndPoint.Port;

    [Fact]
    public async Task ADemoPhone_CallingAgent2_IsChallengedFirst_ThenReachesRouting()
    {
        using var phone = new SipDigestInvite(SipPort);

        var answers = await phone.CallAsync("agent1", DemoRealm, ParleyAppFactory.DemoSipPassword, Agent2, Ct);

        Assert.Equal(2, answers.Count);
        Assert.StartsWith("SIP/2.0 401", answers[0], StringComparison.Ordinal);
        Assert.Contains($"WWW-Authenticate: Digest realm=\"{DemoRealm}\"", answers[0], StringComparison.Ordinal);
        Assert.StartsWith("SIP/2.0 404", answers[1], StringComparison.Ordinal); // authenticated; no call routing to users yet
    }

    [Fact]
    public async Task AWrongPassword_AndAnUnknownUser_GetTheSame401()
    {
        using var phone = new SipDigestInvite(SipPort);

        var wrong = await phone.CallAsync("agent1", DemoRealm, "not-the-password", Agent2, Ct);
        var unknown = await phone.CallAsync("nobody-here", DemoRealm, "whatever", Agent2, Ct);

        Assert.StartsWith("SIP/2.0 401", wrong[1], StringComparison.Ordinal);
        Assert.StartsWith("SIP/2.0 401", unknown[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherTenantsPhone_CallingIntoTheDemoDomain_IsRefusedWith403()
    {
        var other = await factory.CreateOtherTenantAsync();
        using var otherAdmin = await factory.SignInAsync(other.Slug, other.AdminUserName, other.AdminPassword);
        var owner = await otherAdmin.CreateUserAsync(Names.Unique("b-phone-owner"), "agent");
        var sipUser = Names.Unique("b-phone");
        using var created = await otherAdmin.PostAsJsonAsync(
            "/api/v1/sip-credentials", new { userId = owner.GetProperty("id").GetGuid(), sipUserName = sipUser, password = "B-Phone-2026" }, Ct);
        await created.ExpectAsync(201);
        using var phone = new SipDigestInvite(SipPort);

        var own = await phone.CallAsync(sipUser, $"{other.Slug}.sip.parley", "B-Phone-2026", $"sip:agent2@{other.Slug}.sip.parley", Ct);
        var foreign = await phone.CallAsync(sipUser, $"{other.Slug}.sip.parley", "B-Phone-2026", Agent2, Ct);

        Assert.StartsWith("SIP/2.0 404", own[1], StringComparison.Ordinal); // the same credentials work in the phone's own domain
        Assert.StartsWith("SIP/2.0 403", foreign[1], StringComparison.Ordinal);
    }
}
