using System.Net.Http.Json;
using System.Text.Json;

namespace Parley.Web.Tests.Support;

/// <summary>REST calls the web tests share: the demo tenant's objects by name, creating and reading interactions.</summary>
public static class DemoApi
{
    public static async Task<JsonElement> JsonAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.Clone();
    }

    public static async Task<Guid> QueueIdAsync(this HttpClient client, string name)
    {
        var page = await client.JsonAsync("/api/v1/queues?limit=200");
        return page.GetProperty("items").EnumerateArray().Single(q => q.GetProperty("name").GetString() == name).GetProperty("id").GetGuid();
    }

    /// <summary>Queues an interaction for routing (as a channel adapter or the PaaS API would) and returns its id.</summary>
    public static async Task<Guid> CreateInteractionAsync(this HttpClient client, Guid queueId, string channel, object attributes)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/interactions", new { queueId, channel, attributes }, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        var created = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        return created.GetProperty("id").GetGuid();
    }
}
