using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Parley.Server.Application;
using Parley.Web.Tests.Support;
using Radzen;

namespace Parley.Web.Tests.Admin;

/// <summary>bUnit against the real server in memory for the admin pages: the application layer, SQLite and the routing grain.</summary>
public static class AdminHarness
{
    public const string AdminPassword = "Test-Admin-Secret-1";
    public const string OperatorPassword = "Test-Operator-Secret-1";
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    public static void UseServer(this BunitContext bunit, WebAppFactory server)
    {
        server.StartServer();
        bunit.JSInterop.Mode = JSRuntimeMode.Loose;
        bunit.Services.AddRadzenComponents();
        bunit.Services.AddSingleton(server.Services.GetRequiredService<ApplicationRunner>());
        bunit.Services.AddSingleton<TimeProvider>(server.Time);
    }

    public static async Task<JsonElement> SendAsync(this HttpClient client, HttpMethod method, string url, object? body = null, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        using var response = await client.SendAsync(request, Xunit.TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(Xunit.TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"{method} {url} answered {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Reads a resource with its ETag, lets <paramref name="change"/> edit its body and puts it back with If-Match.</summary>
    public static async Task ChangeAsync(this HttpClient client, string url, Action<JsonObject> change)
    {
        using var response = await client.GetAsync(url, Xunit.TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(Xunit.TestContext.Current.CancellationToken))!.AsObject();
        change(body);
        await client.SendAsync(HttpMethod.Put, url, body, response.Headers.ETag!.Tag);
    }

    /// <summary>A second tenant made by the platform operator; returns its administrator's signed-in client.</summary>
    public static async Task<HttpClient> OtherTenantAdminAsync(this WebAppFactory server, string slug)
    {
        using var platform = await SignInAsync(server, "platform", "operator", OperatorPassword);
        await platform.SendAsync(HttpMethod.Post, "/api/v1/platform/tenants", new { slug, name = "Other " + slug, adminUserName = "boss", adminPassword = "Tenant-Admin-2026!" });
        return await SignInAsync(server, slug, "boss", "Tenant-Admin-2026!");
    }

    /// <summary>The platform operator assigns <paramref name="number"/> (E.164) to the demo tenant; it points nowhere yet.</summary>
    public static async Task AssignNumberToDemoTenantAsync(this WebAppFactory server, string number)
    {
        using var admin = await server.SignInAsync("admin", AdminPassword);
        var tenantId = (await admin.JsonAsync("/api/v1/me")).GetProperty("tenantId").GetGuid();
        using var platform = await SignInAsync(server, "platform", "operator", OperatorPassword);
        await platform.SendAsync(HttpMethod.Post, "/api/v1/platform/numbers", new { number, tenantId });
    }

    /// <summary>The platform operator (tenant <c>platform</c>), signed in over HTTP.</summary>
    public static Task<HttpClient> OperatorAsync(this WebAppFactory server) => SignInAsync(server, "platform", "operator", OperatorPassword);

    /// <summary>Renders the following pages as the platform operator, with the permissions the server gives them.</summary>
    public static async Task<Parley.Server.Auth.CurrentActor> AuthorizeAsOperatorAsync(this BunitContext bunit, WebAppFactory server)
    {
        using var client = await server.OperatorAsync();
        var me = await client.JsonAsync("/api/v1/me");
        var permissions = me.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()!).ToArray();
        return bunit.AuthorizeAs(me.GetProperty("tenantId").GetGuid(), me.GetProperty("id").GetString()!, me.GetProperty("name").GetString()!, permissions);
    }

    private static async Task<HttpClient> SignInAsync(WebAppFactory server, string tenant, string userName, string password)
    {
        var client = server.CookieClient();
        using var response = await client.PostAsJsonAsync("/api/v1/auth/sign-in", new { tenant, userName, password }, Xunit.TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        return client;
    }
}
