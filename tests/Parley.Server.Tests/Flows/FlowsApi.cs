using System.Text;
using System.Text.Json;
using Parley.Server.Tests.Support;

namespace Parley.Server.Tests.Flows;

/// <summary>Calls the flow and schedule tests share: flow documents sent as raw JSON, with or without If-Match.</summary>
internal static class FlowsApi
{
    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<HttpResponseMessage> SendFlowAsync(this HttpClient client, HttpMethod method, string url, string json, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await client.SendAsync(request, Ct);
    }

    /// <summary>POSTs <paramref name="json"/> to <c>/flows</c>, expects 201 and returns the flow.</summary>
    public static async Task<JsonElement> CreateFlowAsync(this HttpClient client, string json)
    {
        using var response = await client.SendFlowAsync(HttpMethod.Post, "/api/v1/flows", json);
        return await (await response.ExpectAsync(201)).ReadJsonAsync();
    }

    public static async Task<(int Status, JsonElement Body)> PublishAsync(this HttpClient client, Guid id, int? version = null)
    {
        using var response = await client.SendFlowAsync(HttpMethod.Post, $"/api/v1/flows/{id}/publish", version is { } n ? $$"""{"version":{{n}}}""" : "{}");
        return ((int)response.StatusCode, await response.ReadJsonAsync());
    }

    /// <summary>A valid flow: start → play → queue <paramref name="queue"/>.</summary>
    public static string SimpleFlow(string name, string text = "Hello.", string queue = "Sales") => $$"""
        {
          "name": "{{name}}",
          "language": "en-US",
          "voice": "en-us",
          "blocks": [
            { "type": "start", "id": "start", "next": "hello" },
            { "type": "play", "id": "hello", "prompt": { "text": "{{text}}" }, "next": "queue" },
            { "type": "transferToQueue", "id": "queue", "queue": "{{queue}}" }
          ]
        }
        """;

    public static string Unique(string prefix) => $"{prefix} {Guid.NewGuid():N}"[..(prefix.Length + 9)];

    public static string[] Pointers(this JsonElement problem) => [.. problem.GetProperty("errors").EnumerateObject().Select(p => p.Name)];
}
