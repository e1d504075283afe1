using System.Net.Http.Json;
using System.Text.Json;
using Parley.Server.Tests.Support;

namespace Parley.Server.Tests.Acd;

/// <summary>Calls the tests below share: the demo tenant's objects by name, creating interactions, reading JSON.</summary>
public static class AcdApi
{
    public static async Task<JsonElement> JsonAsync(this HttpClient client, string url, int status = 200)
    {
        using var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
        await response.ExpectAsync(status);
        return await response.ReadJsonAsync();
    }

    public static async Task<JsonElement> PostJsonAsync(this HttpClient client, string url, object body, int status)
    {
        using var response = await client.PostAsJsonAsync(url, body, TestContext.Current.CancellationToken);
        await response.ExpectAsync(status);
        return response.Content.Headers.ContentLength == 0 || status == 204 ? default : await response.ReadJsonAsync();
    }

    public static async Task PostAsync(this HttpClient client, string url, int status)
    {
        using var response = await client.PostAsync(url, null, TestContext.Current.CancellationToken);
        await response.ExpectAsync(status);
    }

    /// <summary>The id of the collection item whose <paramref name="field"/> equals <paramref name="value"/>.</summary>
    public static async Task<Guid> IdByAsync(this HttpClient client, string collection, string field, string value)
    {
        var page = await client.JsonAsync(collection + "?limit=200");
        return page.GetProperty("items").EnumerateArray().Single(i => i.GetProperty(field).GetString() == value).GetProperty("id").GetGuid();
    }

    public static async Task<Guid> CreateInteractionAsync(this HttpClient client, Guid queueId, string channel = "Voice", object? attributes = null)
    {
        var created = await client.PostJsonAsync("/api/v1/interactions", new { queueId, channel, attributes = attributes ?? new { } }, 201);
        return created.GetProperty("id").GetGuid();
    }

    /// <summary>The work (offers and active interactions) of the calling agent.</summary>
    public static async Task<JsonElement[]> MyWorkAsync(this HttpClient agent) =>
        [.. (await agent.JsonAsync("/api/v1/agents/me")).GetProperty("state").GetProperty("work").EnumerateArray()];

    public static async Task<HttpClient> ApiClientAsync(this ParleyAppFactory factory) =>
        factory.CreateBearerClient(await factory.GetDemoTokenAsync());
}
