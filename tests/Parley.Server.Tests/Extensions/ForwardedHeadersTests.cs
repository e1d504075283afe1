using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Parley.Domain.Security;
using Parley.Server.Tests.Support;

namespace Parley.Server.Tests.Extensions;

/// <summary>
/// Behind a TLS proxy: forwarded headers are believed from configured proxies only (10.0.0.1 and 10.1.0.0/16 here),
/// for the client address and for https; the OpenID issuer is the configured public URL, never the Host header.
/// </summary>
public sealed class ForwardedHeadersTests(ForwardedHeadersTests.ProxiedAppFactory factory) : IClassFixture<ForwardedHeadersTests.ProxiedAppFactory>
{
    private const string Client = "203.0.113.7";
    private const string Proxy = "10.0.0.1";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AWriteThroughAKnownProxy_IsAuditedWithTheClientsAddress()
    {
        Assert.Equal(Client, await AuditedSourceOfAWriteAsync(peer: Proxy, forwardedFor: Client));
        Assert.Equal(Client, await AuditedSourceOfAWriteAsync(peer: "10.1.2.3", forwardedFor: $"198.51.100.99, {Client}"));
    }

    [Fact]
    public async Task ForwardedHeadersFromAnyoneElse_AreIgnored()
    {
        Assert.Equal("198.51.100.9", await AuditedSourceOfAWriteAsync(peer: "198.51.100.9", forwardedFor: Client));
        Assert.Equal("127.0.0.1", await AuditedSourceOfAWriteAsync(peer: null, forwardedFor: Client)); // loopback is not trusted unless listed
    }

    [Fact]
    public async Task HttpsAtTheProxy_GivesASecureCookieAndHsts()
    {
        using var client = factory.CreateCookieClient();
        using var https = await SignInAsync(client, Proxy, "https");
        Assert.Contains(https.Headers.GetValues("Set-Cookie"), c => c.Contains("secure", StringComparison.OrdinalIgnoreCase));
        Assert.True(https.Headers.Contains("Strict-Transport-Security"));

        using var spoofed = await SignInAsync(client, "198.51.100.10", "https");
        Assert.DoesNotContain(spoofed.Headers.GetValues("Set-Cookie"), c => c.Contains("secure", StringComparison.OrdinalIgnoreCase));
        Assert.False(spoofed.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task TheTokenIssuer_IsThePublicUrl_WhateverTheHostHeaderSays()
    {
        using var client = factory.CreateAnonymousClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/connect/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = ParleyAppFactory.DemoApiClientId,
                ["client_secret"] = ParleyAppFactory.DemoApiClientSecret,
            }),
        };
        request.Headers.Host = "evil.example.net";
        using var response = await client.SendAsync(request, Ct);
        await response.ExpectAsync(200);
        var token = (await response.ReadJsonAsync()).GetProperty("access_token").GetString()!;

        var payload = token.Split('.')[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
        using var claims = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload)));
        Assert.Equal("https://cc.example.com/", claims.RootElement.GetProperty("iss").GetString());

        // and the token works, whichever host it is presented to
        using var bearer = factory.CreateBearerClient(token);
        using var me = await bearer.GetAsync("/api/v1/skills", Ct);
        await me.ExpectAsync(200);
    }

    [Fact]
    public async Task ClientsBehindOneProxy_GetTheirOwnRateLimitBuckets_AndASpooferKeepsItsOwn()
    {
        await using var limited = new ConfiguredAppFactory(
        [
            new("Parley:Http:KnownProxies:0", Proxy),
            new("Parley:RateLimits:PerIpPerSecond", "1"),
            new("Parley:RateLimits:PerIpBurst", "4"),
        ]);
        using var client = limited.CreateAnonymousClient();

        Assert.Equal(200, await HealthAsync(client, Proxy, "203.0.113.20", times: 4));
        Assert.Equal(200, await HealthAsync(client, Proxy, "203.0.113.21", times: 4)); // another client, same proxy

        Assert.Equal(429, await HealthAsync(client, "198.51.100.20", null, times: 5));
        Assert.Equal(429, await HealthAsync(client, "198.51.100.20", "203.0.113.22", times: 1)); // a forged header buys nothing
    }

    /// <summary>The status of the last of <paramref name="times"/> requests.</summary>
    private static async Task<int> HealthAsync(HttpClient client, string peer, string? forwardedFor, int times)
    {
        var status = 0;
        for (var i = 0; i < times; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
            request.Headers.Add(LoopbackPeerStartupFilter.PeerHeader, peer);
            if (forwardedFor is not null)
            {
                request.Headers.Add("X-Forwarded-For", forwardedFor);
            }

            using var response = await client.SendAsync(request, Ct);
            status = (int)response.StatusCode;
        }

        return status;
    }

    private async Task<HttpResponseMessage> SignInAsync(HttpClient client, string peer, string forwardedProto)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/sign-in")
        {
            Content = JsonContent.Create(new { tenant = ParleyAppFactory.DemoTenant, userName = "supervisor", password = ParleyAppFactory.DemoSupervisorPassword }),
        };
        request.Headers.Host = "cc.example.com"; // HSTS is never sent to localhost
        request.Headers.Add(LoopbackPeerStartupFilter.PeerHeader, peer);
        request.Headers.Add("X-Forwarded-Proto", forwardedProto);
        var response = await client.SendAsync(request, Ct);
        await response.ExpectAsync(204);
        return response;
    }

    private async Task<string?> AuditedSourceOfAWriteAsync(string? peer, string forwardedFor)
    {
        using var admin = await factory.SignInDemoAsync("admin");
        using var create = new HttpRequestMessage(HttpMethod.Post, "/api/v1/users")
        {
            Content = JsonContent.Create(new { userName = Names.Unique("proxied"), password = HttpClientExtensions.UserPassword, roles = new[] { BuiltInRoles.Agent } }),
        };
        if (peer is not null)
        {
            create.Headers.Add(LoopbackPeerStartupFilter.PeerHeader, peer);
        }

        create.Headers.Add("X-Forwarded-For", forwardedFor);
        using var created = await admin.SendAsync(create, Ct);
        await created.ExpectAsync(201);
        var id = (await created.ReadJsonAsync()).GetProperty("id").GetGuid().ToString();
        var entries = await admin.GetJsonAsync("/api/v1/audit?action=users.create&limit=200");
        return entries.GetProperty("items").EnumerateArray().Single(e => e.GetProperty("targetId").GetString() == id).GetProperty("sourceIp").GetString();
    }

    public sealed class ProxiedAppFactory : ParleyAppFactory
    {
        protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings =>
        [
            new("Parley:Http:KnownProxies:0", Proxy),
            new("Parley:Http:KnownNetworks:0", "10.1.0.0/16"),
            new("Parley:PublicUrl", "https://cc.example.com"),
        ];

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            Microsoft.AspNetCore.Hosting.HostingAbstractionsWebHostBuilderExtensions.UseEnvironment(builder, "Production"); // HSTS is off in Development
        }
    }
}
