using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Parley.Server.Options;

namespace Parley.Server.Tests.Support;

/// <summary>Clients that act as someone: a signed-in user (cookie), an API client (bearer token) or nobody.</summary>
public partial class ParleyAppFactory
{
    public const string DemoTenant = "demo";
    public const string PlatformTenant = "platform";
    public const string DemoApiClientId = "demo-api";

    public HttpClient CreateCookieClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = ClientOptions.BaseAddress, HandleCookies = true, AllowAutoRedirect = false });

    public HttpClient CreateAnonymousClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = ClientOptions.BaseAddress, HandleCookies = false, AllowAutoRedirect = false });

    public HttpClient CreateBearerClient(string accessToken)
    {
        var client = CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    /// <summary>A cookie client signed in as <paramref name="userName"/>; throws with the server's answer when refused.</summary>
    public async Task<HttpClient> SignInAsync(string tenant, string userName, string password)
    {
        var client = CreateCookieClient();
        using var response = await client.PostAsJsonAsync("/api/v1/auth/sign-in", new { tenant, userName, password });
        if (response.StatusCode != HttpStatusCode.NoContent)
        {
            client.Dispose();
            throw new InvalidOperationException($"Sign-in of {tenant}/{userName} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        return client;
    }

    public Task<HttpClient> SignInDemoAsync(string userName) => SignInAsync(DemoTenant, userName, userName switch
    {
        "admin" => DemoAdminPassword,
        "supervisor" => DemoSupervisorPassword,
        _ => DemoAgentPassword,
    });

    public Task<HttpClient> SignInOperatorAsync() => SignInAsync(PlatformTenant, "operator", OperatorPassword);

    public async Task<HttpResponseMessage> RequestTokenAsync(string clientId, string clientSecret)
    {
        using var client = CreateAnonymousClient();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = clientSecret,
        });
        return await client.PostAsync("/connect/token", form);
    }

    /// <summary>An access token for the API client; throws with the server's answer when refused.</summary>
    public async Task<string> GetTokenAsync(string clientId, string clientSecret)
    {
        using var response = await RequestTokenAsync(clientId, clientSecret);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"Token for {clientId} answered {(int)response.StatusCode}: {body}");
        }

        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("access_token").GetString()!;
    }

    public Task<string> GetDemoTokenAsync() => GetTokenAsync(DemoApiClientId, DemoApiClientSecret);
}
