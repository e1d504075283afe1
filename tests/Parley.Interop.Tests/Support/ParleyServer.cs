using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Parley.Sip.Stack;

namespace Parley.Interop.Tests.Support;

/// <summary>
/// The whole Parley server in this process, in demo mode, on the real clock, with its SIP stack on a free loopback
/// port and its own data directory: the real edge, flows, speech, routing grains, registrar and CDR store that
/// real peers (SIPp, baresip) call. HTTP requests go through the in-memory test server.
/// </summary>
public sealed class ParleyServer : WebApplicationFactory<Program>
{
    public const string DemoTenant = "demo";
    public const string SipDomain = "demo.sip.parley";
    public const string DemoNumber = "+15550100";
    public const string AdminPassword = "Interop-Admin-Secret-1";
    public const string AgentPassword = "Interop-Agent-Secret-1";
    public const string SipPassword = "Interop-Sip-Secret-1";

    public ParleyServer()
    {
        DataDirectory = Directory.CreateTempSubdirectory("parley-interop-").FullName;
    }

    public string DataDirectory { get; }

    public int SipPort => Services.GetRequiredService<SipStack>().Listeners[0].EndPoint.Port;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Parley:DataDirectory", DataDirectory);
        builder.UseSetting("Parley:Demo:Enabled", "true");
        builder.UseSetting("urls", "http://127.0.0.1:0");
        builder.UseSetting("Parley:Sip:Address", "127.0.0.1");
        builder.UseSetting("Parley:Sip:Port", "0");
        builder.UseSetting("Parley:Media:BindAddress", "127.0.0.1");
        // A test host stops at once: a call a test left up is ended (node_drain) after a second of drain, not five minutes.
        builder.UseSetting("Parley:Cluster:DrainTimeout", "00:00:01");
        builder.UseSetting("Parley:Demo:AdminPassword", AdminPassword);
        builder.UseSetting("Parley:Demo:SupervisorPassword", "Interop-Supervisor-Secret-1");
        builder.UseSetting("Parley:Demo:AgentPassword", AgentPassword);
        builder.UseSetting("Parley:Demo:ApiClientSecret", "interop-api-client-secret-0123456789");
        builder.UseSetting("Parley:Demo:SipPassword", SipPassword);
        builder.UseSetting("Parley:Platform:OperatorPassword", "Interop-Operator-Secret-1");
        builder.UseSetting("Parley:RateLimits:Enabled", "false");
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<ILoggerProvider>();
            services.AddSingleton<IStartupFilter, LoopbackPeer>();
        });
    }

    /// <summary>A cookie client signed in as a demo user (admin, agent1..3).</summary>
    public async Task<HttpClient> SignInAsync(string userName)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false });
        var password = userName == "admin" ? AdminPassword : AgentPassword;
        using var response = await client.PostAsJsonAsync("/api/v1/auth/sign-in", new { tenant = DemoTenant, userName, password });
        if (response.StatusCode != HttpStatusCode.NoContent)
        {
            client.Dispose();
            throw new InvalidOperationException($"Sign-in of {userName} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        return client;
    }

    /// <summary>A trunk of the demo tenant that lets calls in from <paramref name="address"/> (a carrier's edge).</summary>
    public async Task AllowTrunkAsync(IPAddress address)
    {
        using var admin = await SignInAsync("admin");
        using var response = await admin.PostAsJsonAsync("/api/v1/trunks", new { name = $"Carrier {address}", allowedAddresses = new[] { $"{address}/32" } });
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"trunk for {address}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public async Task<Guid> IdByNameAsync(HttpClient client, string collection, string name)
    {
        var page = await client.GetFromJsonAsync<JsonElement>($"/api/v1/{collection}?limit=200");
        return page.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("name").GetString() == name).GetProperty("id").GetGuid();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp directory left behind does no harm.
        }
    }

    /// <summary>The in-memory server has no socket: requests come from loopback, as Kestrel would report.</summary>
    private sealed class LoopbackPeer : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress ??= IPAddress.Loopback;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
