using System.Text.Json;

namespace Parley.Server.Tests.Support;

public static class HttpResponseExtensions
{
    /// <summary>The body as JSON; fails the test with the raw body when it is not JSON.</summary>
    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        try
        {
            return JsonSerializer.Deserialize<JsonElement>(body);
        }
        catch (JsonException)
        {
            Assert.Fail($"{(int)response.StatusCode} answer is not JSON: {body}");
            throw;
        }
    }

    /// <summary>Asserts the status code, showing the body when it differs.</summary>
    public static async Task<HttpResponseMessage> ExpectAsync(this HttpResponseMessage response, int status)
    {
        if ((int)response.StatusCode != status)
        {
            Assert.Fail($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery} answered {(int)response.StatusCode}, expected {status}: {await response.Content.ReadAsStringAsync()}");
        }

        return response;
    }

    public static string? ContentType(this HttpResponseMessage response) => response.Content.Headers.ContentType?.MediaType;
}
