using System.Net.Http.Json;
using System.Text.Json;

namespace Parley.Server.Tests.Support;

public static class HttpClientExtensions
{
    public const string UserPassword = "Test-User-Password-2026";

    public static async Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string url, object body, string? ifMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string url, int expectedStatus = 200)
    {
        using var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
        await response.ExpectAsync(expectedStatus);
        return await response.ReadJsonAsync();
    }

    /// <summary>Creates a user with <see cref="UserPassword"/> and the given roles; returns the new user.</summary>
    public static async Task<JsonElement> CreateUserAsync(this HttpClient admin, string userName, params string[] roles)
    {
        using var response = await admin.PostAsJsonAsync("/api/v1/users", new { userName, password = UserPassword, roles }, TestContext.Current.CancellationToken);
        await response.ExpectAsync(201);
        return await response.ReadJsonAsync();
    }

    /// <summary>Creates a custom role; returns it.</summary>
    public static async Task<JsonElement> CreateRoleAsync(this HttpClient admin, string name, params string[] permissions)
    {
        using var response = await admin.PostAsJsonAsync("/api/v1/roles", new { name, description = "test", permissions }, TestContext.Current.CancellationToken);
        await response.ExpectAsync(201);
        return await response.ReadJsonAsync();
    }

    public static string[] Strings(this JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString() ?? "")];
}
