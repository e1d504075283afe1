using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Parley.Server.Tests.Acd;
using Parley.Server.Tests.Support;
using Parley.Sip.Stack;

namespace Parley.Server.Tests.Sip;

/// <summary>A node behind a SIP proxy (127.0.0.152 plays Kamailio) whose requests name their client in <c>X-Parley-Source</c>.</summary>
public sealed class ProxiedClientAppFactory : AcdAppFactory
{
    public static readonly IPAddress Proxy = IPAddress.Parse("127.0.0.152");

    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings =>
        [.. base.ExtraSettings, new("Parley:Sip:Defence:ProxyAddresses:0", Proxy.ToString())];
}

/// <summary>
/// Trunk allow-lists (and with them the flood, guessing and admission limits, which read the same client address) see
/// the client a listed proxy names, never the proxy; the header from anyone else changes nothing.
/// </summary>
public sealed class ProxiedClientTests(ProxiedClientAppFactory factory) : IClassFixture<ProxiedClientAppFactory>
{
    private const string Carrier = "127.0.0.151";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private int SipPort => factory.Services.GetRequiredService<SipStack>().Listeners[0].EndPoint.Port;

    [Fact]
    public async Task AnInviteRelayedByTheProxy_IsMatchedToTheTrunkOfTheClientItNames_AndTheHeaderFromAnyoneElseIsIgnored()
    {
        var number = await NumberWithTrunkAsync();
        var target = $"sip:{number}@127.0.0.1";
        var naming = $"X-Parley-Source: {Carrier}:5060\r\n";
        using var viaProxy = new SipDigestInvite(SipPort, ProxiedClientAppFactory.Proxy) { ExtraHeaders = naming };
        using var proxyAlone = new SipDigestInvite(SipPort, ProxiedClientAppFactory.Proxy);
        using var impostor = new SipDigestInvite(SipPort, IPAddress.Parse("127.0.0.153")) { ExtraHeaders = naming };
        using var garbled = new SipDigestInvite(SipPort, ProxiedClientAppFactory.Proxy) { ExtraHeaders = "X-Parley-Source: not-an-address\r\n" };

        var relayed = await viaProxy.CallAsync("carrier", "carrier.example", null, target, Ct);
        var unnamed = await proxyAlone.CallAsync("carrier", "carrier.example", null, target, Ct);
        var claimed = await impostor.CallAsync("carrier", "carrier.example", null, target, Ct);
        var unreadable = await garbled.CallAsync("carrier", "carrier.example", null, target, Ct);

        Assert.StartsWith("SIP/2.0 480", relayed[0], StringComparison.Ordinal); // the carrier's trunk: resolved, not in service
        Assert.StartsWith("SIP/2.0 403", unnamed[0], StringComparison.Ordinal); // the proxy itself is no trunk
        Assert.StartsWith("SIP/2.0 403", claimed[0], StringComparison.Ordinal); // only a listed proxy is believed
        Assert.StartsWith("SIP/2.0 403", unreadable[0], StringComparison.Ordinal); // an unreadable name is the proxy's own address
    }

    private async Task<string> NumberWithTrunkAsync()
    {
        var number = ParleyAppFactory.UniqueNumber();
        await factory.AssignNumberAsync(number, await factory.DemoTenantIdAsync());
        using var admin = await factory.SignInDemoAsync("admin");
        await admin.PostJsonAsync("/api/v1/numbers", new { number, targetKind = "None" }, 200);
        using var created = await admin.PostAsJsonAsync("/api/v1/trunks", new { name = Names.Unique("trunk"), allowedAddresses = new[] { Carrier + "/32" } }, Ct);
        await created.ExpectAsync(201);
        return number;
    }
}
