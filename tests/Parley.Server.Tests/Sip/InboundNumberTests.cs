using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Parley.Server.Tests.Acd;
using Parley.Server.Tests.Support;
using Parley.Sip.Stack;

namespace Parley.Server.Tests.Sip;

/// <summary>
/// INVITEs to phone numbers over real UDP on loopback, answered at the edge before any media: 127.0.0.x addresses
/// play a carrier's trunk and strangers.
/// </summary>
public sealed class InboundNumberTests(AcdAppFactory factory) : IClassFixture<AcdAppFactory>
{
    private static readonly IPAddress Carrier = IPAddress.Parse("127.0.0.2");
    private static readonly IPAddress Stranger = IPAddress.Parse("127.0.0.3");

    private static IPAddress Loopback(int last) => IPAddress.Parse($"127.0.0.{last}");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private int SipPort => factory.Services.GetRequiredService<SipStack>().Listeners[0].EndPoint.Port;

    [Fact]
    public async Task AnUnknownNumber_Answers404()
    {
        using var carrier = new SipDigestInvite(SipPort, Carrier);

        var answers = await carrier.CallAsync("carrier", "carrier.example", null, $"sip:{ParleyAppFactory.UniqueNumber()}@127.0.0.1", Ct);

        Assert.StartsWith("SIP/2.0 404", answers[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AKnownNumber_FromItsTrunksAddress_Resolves_AndFromAnyOtherAddress_Answers403()
    {
        var number = await NumberWithTrunkAsync(new { allowedAddresses = new[] { "127.0.0.2/32" } });
        using var carrier = new SipDigestInvite(SipPort, Carrier);
        using var stranger = new SipDigestInvite(SipPort, Stranger);

        var fromTrunk = await carrier.CallAsync("carrier", "carrier.example", null, $"sip:{number}@127.0.0.1;user=phone", Ct);
        var fromStranger = await stranger.CallAsync("carrier", "carrier.example", null, $"sip:{number}@127.0.0.1", Ct);

        Assert.StartsWith("SIP/2.0 480", fromTrunk[0], StringComparison.Ordinal); // resolved; the number is not in service
        Assert.StartsWith("SIP/2.0 403", fromStranger[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATrunksNationalNumber_IsNormalisedWithItsCountryCode()
    {
        var number = await NumberWithTrunkAsync(new { allowedAddresses = new[] { "127.0.0.4" }, countryCode = "1", nationalPrefix = "1" });
        using var carrier = new SipDigestInvite(SipPort, Loopback(4));

        var national = await carrier.CallAsync("carrier", "carrier.example", null, $"sip:{number[2..]}@127.0.0.1", Ct);

        Assert.StartsWith("SIP/2.0 480", national[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATrunkWithDigestCredentials_IsChallengedInTheTenantsRealm_AndAdmittedWithThem()
    {
        var other = await factory.CreateOtherTenantAsync();
        var number = ParleyAppFactory.UniqueNumber();
        await factory.AssignNumberAsync(number, other.TenantId);
        using var boss = await factory.SignInAsync(other.Slug, other.AdminUserName, other.AdminPassword);
        var user = Names.Unique("carrier");
        await boss.PostJsonAsync("/api/v1/trunks", new { name = "Digest carrier", inboundUserName = user, inboundPassword = "Carrier-Secret-2026" }, 201);
        using var carrier = new SipDigestInvite(SipPort, Loopback(7));

        var right = await carrier.CallAsync(user, "carrier.example", "Carrier-Secret-2026", $"sip:{number}@127.0.0.1", Ct);
        var wrong = await carrier.CallAsync(user, "carrier.example", "Not-The-Secret-2026", $"sip:{number}@127.0.0.1", Ct);

        Assert.StartsWith("SIP/2.0 401", right[0], StringComparison.Ordinal);
        Assert.Contains($"realm=\"{other.Slug}.sip.parley\"", right[0], StringComparison.Ordinal);
        Assert.StartsWith("SIP/2.0 480", right[1], StringComparison.Ordinal);
        Assert.StartsWith("SIP/2.0 401", wrong[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATenantsOwnPhone_MayDialItsNumber_AnotherTenantsPhoneMayNot()
    {
        var number = await NumberWithTrunkAsync(new { allowedAddresses = new[] { "192.0.2.0/24" } });
        var other = await factory.CreateOtherTenantAsync();
        using var boss = await factory.SignInAsync(other.Slug, other.AdminUserName, other.AdminPassword);
        var sipUser = Names.Unique("b-phone");
        await boss.PostJsonAsync("/api/v1/sip-credentials", new { userId = other.UserId, sipUserName = sipUser, password = "B-Phone-2026" }, 201);
        using var phone = new SipDigestInvite(SipPort);

        var own = await phone.CallAsync("agent1", "demo.sip.parley", ParleyAppFactory.DemoSipPassword, $"sip:{number}@demo.sip.parley", Ct);
        var foreign = await phone.CallAsync(sipUser, $"{other.Slug}.sip.parley", "B-Phone-2026", $"sip:{number}@demo.sip.parley", Ct);

        Assert.Equal(["SIP/2.0 401", "SIP/2.0 480"], own.Select(a => a[..11]));
        Assert.Equal(["SIP/2.0 401", "SIP/2.0 403"], foreign.Select(a => a[..11]));
    }

    [Fact]
    public async Task ASuspendedTenantsNumber_Answers403_EvenFromItsTrunk()
    {
        var other = await factory.CreateOtherTenantAsync();
        var number = ParleyAppFactory.UniqueNumber();
        await factory.AssignNumberAsync(number, other.TenantId);
        using var boss = await factory.SignInAsync(other.Slug, other.AdminUserName, other.AdminPassword);
        await boss.PostJsonAsync("/api/v1/trunks", new { name = "Carrier", allowedAddresses = new[] { "127.0.0.6/32" } }, 201);
        using var carrier = new SipDigestInvite(SipPort, Loopback(6));
        var before = await carrier.CallAsync("carrier", "carrier.example", null, $"sip:{number}@127.0.0.1", Ct);
        using var platform = await factory.SignInOperatorAsync();
        using var suspended = await platform.PostAsync($"/api/v1/platform/tenants/{other.TenantId}/suspend", null, Ct);
        Assert.True(suspended.IsSuccessStatusCode);

        var after = await carrier.CallAsync("carrier", "carrier.example", null, $"sip:{number}@127.0.0.1", Ct);

        Assert.StartsWith("SIP/2.0 480", before[0], StringComparison.Ordinal);
        Assert.StartsWith("SIP/2.0 403", after[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANewTrunk_IsHonouredAtOnce_WithoutWaitingForTheDirectoryToAge()
    {
        var number = await NumberWithTrunkAsync(new { allowedAddresses = new[] { "192.0.2.0/24" } });
        using var carrier = new SipDigestInvite(SipPort, Loopback(5));
        var before = await carrier.CallAsync("carrier", "carrier.example", null, $"sip:{number}@127.0.0.1", Ct);
        using var admin = await factory.SignInDemoAsync("admin");
        await admin.PostJsonAsync("/api/v1/trunks", new { name = Names.Unique("late"), allowedAddresses = new[] { "127.0.0.5" } }, 201);

        var after = await carrier.CallAsync("carrier", "carrier.example", null, $"sip:{number}@127.0.0.1", Ct);

        Assert.StartsWith("SIP/2.0 403", before[0], StringComparison.Ordinal);
        Assert.StartsWith("SIP/2.0 480", after[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASecondInviteWithinTheSecond_FromATrunkAllowingOneCallPerSecond_Gets503WithRetryAfter_AnotherTenantsTrunkIsUnaffected()
    {
        var number = await NumberWithTrunkAsync(new { allowedAddresses = new[] { "127.0.0.8/32" }, maxCallsPerSecond = 1 });
        var other = await factory.CreateOtherTenantAsync();
        var otherNumber = ParleyAppFactory.UniqueNumber();
        await factory.AssignNumberAsync(otherNumber, other.TenantId);
        using var boss = await factory.SignInAsync(other.Slug, other.AdminUserName, other.AdminPassword);
        await boss.PostJsonAsync("/api/v1/trunks", new { name = "Carrier", allowedAddresses = new[] { "127.0.0.9/32" }, maxCallsPerSecond = 1 }, 201);
        await factory.Services.GetRequiredService<Parley.Server.Voice.NumberDirectory>().GetAsync(Ct); // the writes are loaded
        using var carrier = new SipDigestInvite(SipPort, Loopback(8));
        using var otherCarrier = new SipDigestInvite(SipPort, Loopback(9));

        var first = await carrier.CallAsync("carrier", "carrier.example", null, $"sip:{number}@127.0.0.1", Ct);
        var second = await carrier.CallAsync("carrier", "carrier.example", null, $"sip:{number}@127.0.0.1", Ct);
        var others = await otherCarrier.CallAsync("carrier", "carrier.example", null, $"sip:{otherNumber}@127.0.0.1", Ct);

        Assert.StartsWith("SIP/2.0 480", first[0], StringComparison.Ordinal);
        Assert.StartsWith("SIP/2.0 503", second[0], StringComparison.Ordinal);
        Assert.Contains("\r\nRetry-After: ", second[0], StringComparison.Ordinal);
        Assert.StartsWith("SIP/2.0 480", others[0], StringComparison.Ordinal);
    }

    /// <summary>A fresh number of the demo tenant pointed at Support, and a demo trunk made of <paramref name="trunk"/>.</summary>
    private async Task<string> NumberWithTrunkAsync(object trunk)
    {
        var number = ParleyAppFactory.UniqueNumber();
        await factory.AssignNumberAsync(number, await factory.DemoTenantIdAsync());
        using var admin = await factory.SignInDemoAsync("admin");
        // Not in service (target None): a resolved INVITE answers 480 at the edge, without the call model.
        await admin.PostJsonAsync("/api/v1/numbers", new { number, targetKind = "None" }, 200);
        var body = System.Text.Json.JsonSerializer.SerializeToNode(trunk)!.AsObject();
        body["name"] = Names.Unique("trunk");
        using var created = await admin.PostAsJsonAsync("/api/v1/trunks", body, Ct);
        await created.ExpectAsync(201);
        return number;
    }
}
