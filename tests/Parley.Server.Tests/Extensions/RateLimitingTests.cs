using Parley.Server.Tests.Support;

namespace Parley.Server.Tests.Extensions;

/// <summary>A client IP that sends a burst beyond its bucket is told to slow down, and only that client is.</summary>
public sealed class RateLimitingTests(LowRateLimitAppFactory factory) : IClassFixture<LowRateLimitAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ABurstFromOneAddress_Gets429WithRetryAfterAndProblemDetails_WhileAnotherAddressIsServed()
    {
        using var client = factory.CreateAnonymousClient();
        var refused = await BurstAsync(client, "198.51.100.7");
        Assert.NotNull(refused);
        using (refused)
        {
            Assert.Equal("application/problem+json", refused.ContentType());
            var retryAfter = refused.Headers.RetryAfter?.Delta;
            Assert.NotNull(retryAfter);
            Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
            Assert.Equal(429, (await refused.ReadJsonAsync()).GetProperty("status").GetInt32());
        }

        using var other = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        other.Headers.Add(LoopbackPeerStartupFilter.PeerHeader, "198.51.100.8");
        using var served = await client.SendAsync(other, Ct);
        await served.ExpectAsync(200);
    }

    /// <summary>Sends far more than the bucket holds; the first 429, or null if none came.</summary>
    internal static async Task<HttpResponseMessage?> BurstAsync(HttpClient client, string? peer, string url = "/health/live", int requests = 40)
    {
        for (var i = 0; i < requests; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            if (peer is not null)
            {
                request.Headers.Add(LoopbackPeerStartupFilter.PeerHeader, peer);
            }

            var response = await client.SendAsync(request, Ct);
            if ((int)response.StatusCode == 429)
            {
                return response;
            }

            Assert.True(response.IsSuccessStatusCode, $"{url} answered {(int)response.StatusCode} during the burst");
            response.Dispose();
        }

        return null;
    }
}
