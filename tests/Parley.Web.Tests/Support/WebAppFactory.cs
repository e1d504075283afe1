using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Parley.Web.Tests.Support;

/// <summary>
/// The whole server in demo mode on a fresh SQLite file, with a <see cref="FakeTimeProvider"/> as its clock: in memory for
/// bUnit and HTTP tests, or on a loopback Kestrel port (<see cref="StartOnLoopback"/>) for the browser.
/// </summary>
public class WebAppFactory : WebApplicationFactory<Program>
{
    public const string Tenant = "demo";
    public const string AgentPassword = "Test-Agent-Secret-1";
    public const string ApiClientSecret = "test-api-client-secret-0123456789";

    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("parley-web-tests-").FullName;

    public FakeTimeProvider Time { get; } = new(TimeProvider.System.GetUtcNow());

    /// <summary>What the server warned about, for a failed test's output.</summary>
    public ServerWarnings Warnings { get; } = new();

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
        builder.UseSetting("Parley:RateLimits:Enabled", "false");
        // The admin console's webhook tests send to a receiver on loopback over plain HTTP.
        builder.UseSetting("Parley:Webhooks:AllowPrivateTargets", "true");
        builder.UseSetting("Parley:Webhooks:AllowInsecureHttp", "true");
        builder.UseSetting("Parley:Demo:AdminPassword", "Test-Admin-Secret-1");
        builder.UseSetting("Parley:Demo:SupervisorPassword", "Test-Supervisor-Secret-1");
        builder.UseSetting("Parley:Demo:AgentPassword", AgentPassword);
        builder.UseSetting("Parley:Demo:ApiClientSecret", ApiClientSecret);
        builder.UseSetting("Parley:Demo:SipPassword", "Test-Sip-Secret-1");
        builder.UseSetting("Parley:Platform:OperatorPassword", OperatorPassword);
        builder.UseSetting("Parley:Reports:CloseInterval", "01:00:00");
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Time);
            services.RemoveAll<ILoggerProvider>();
            services.AddSingleton<ILoggerProvider>(Warnings);
        });
    }

    /// <summary>Serves on a free loopback port (Kestrel) and returns its base address, for a real browser.</summary>
    /// <summary>
    /// Gives the demo agents desk phones at fixed URIs, so routing offers them voice interactions created through the
    /// API without a registered softphone (demo agents' phones are their SIP accounts).
    /// </summary>
    public async Task GiveDemoAgentsDeskPhonesAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Parley.Data.ParleyDbContext>();
        var tenantId = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.Tenants.Where(t => t.Slug == Tenant).Select(t => t.Id));
        var agents = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.IgnoreQueryFilters(db.Agents).Where(a => a.TenantId == tenantId && a.PhoneKind != "Uri"));
        foreach (var agent in agents)
        {
            agent.PhoneKind = "Uri";
            agent.PhoneUri = $"sip:{agent.Extension ?? "desk"}@127.0.0.1:9";
            agent.PhoneSipCredentialId = null;
        }

        await db.SaveChangesAsync();
        var grain = Services.GetRequiredService<IGrainFactory>().GetGrain<Parley.Cluster.Routing.ITenantRoutingGrain>(tenantId);
        foreach (var agent in agents)
        {
            await grain.RefreshAgent(agent.Id.ToString());
        }
    }

    public Uri StartOnLoopback()
    {
        UseKestrel(0);
        StartServer();
        return ClientOptions.BaseAddress;
    }

    public HttpClient CookieClient() => CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = ClientOptions.BaseAddress, HandleCookies = true, AllowAutoRedirect = false });

    public const string OperatorPassword = "Test-Operator-Secret-1";

    public async Task<HttpClient> SignInAsync(string userName, string password = AgentPassword, string tenant = Tenant)
    {
        var client = CookieClient();
        using var response = await client.PostAsJsonAsync("/api/v1/auth/sign-in", new { tenant, userName, password });
        if (response.StatusCode != HttpStatusCode.NoContent)
        {
            throw new InvalidOperationException($"Sign-in of {userName} answered {(int)response.StatusCode}");
        }

        return client;
    }

    /// <summary>The demo API client (interactions.write and more) with a bearer token.</summary>
    public async Task<HttpClient> ApiClientAsync()
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = ClientOptions.BaseAddress, HandleCookies = false, AllowAutoRedirect = false });
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "demo-api", ["client_secret"] = ApiClientSecret,
        });
        using var response = await client.PostAsync("/connect/token", form);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", json.RootElement.GetProperty("access_token").GetString());
        return client;
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

        GC.SuppressFinalize(this);
    }
}
