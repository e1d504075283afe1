using System.Net;
using System.Text.Json;
using Parley.Server.Tests.Support;
using Parley.Server.Webhooks;

namespace Parley.Server.Tests.Acd;

/// <summary>Signed deliveries with retries to a receiver on loopback (allowed by this factory's settings only).</summary>
public sealed partial class WebhookTests(AcdAppFactory factory) : IClassFixture<AcdAppFactory>
{
    [Fact]
    public async Task Delivery_IsSigned_RetriedWithBackOff_AndLogged()
    {
        await using var receiver = WebhookReceiver.Start(failFirst: 1);
        using var admin = await factory.SignInDemoAsync("admin");
        var created = await admin.PostJsonAsync("/api/v1/webhooks", new { url = receiver.Url, eventTypes = new[] { "interaction.queued" } }, 201);
        var secret = created.GetProperty("secret").GetString()!;
        var subscriptionId = created.GetProperty("subscription").GetProperty("id").GetGuid();

        using var api = await factory.ApiClientAsync();
        var id = await api.CreateInteractionAsync(await api.IdByAsync("/api/v1/queues", "name", "Support"), "Email");
        var first = await receiver.WaitForAsync(1);
        Assert.Equal(500, first.Answered);

        var second = await receiver.WaitWhileAdvancingAsync(2, factory, AcdAppFactory.FirstRetryDelay + TimeSpan.FromSeconds(1));
        Assert.Equal(200, second.Answered);
        Assert.Equal(first.DeliveryId, second.DeliveryId);
        Assert.True(WebhookSignature.Verify(secret, second.Signature, second.Body), "the signature does not verify with the subscription's secret");
        Assert.False(WebhookSignature.Verify(secret, second.Signature, second.Body.Replace("queued", "offered", StringComparison.Ordinal)));
        Assert.False(WebhookSignature.Verify("whsec_wrong", second.Signature, second.Body));
        using var payload = JsonDocument.Parse(second.Body);
        Assert.Equal(("interaction.queued", id.ToString()), (payload.RootElement.GetProperty("type").GetString(), payload.RootElement.GetProperty("interactionId").GetString()));

        var log = await WaitForDeliveredAsync(admin, subscriptionId);
        Assert.Equal((2, 200), (log.GetProperty("attempts").GetInt32(), log.GetProperty("lastStatusCode").GetInt32()));
        await api.PostAsync($"/api/v1/interactions/{id}/abandon", 204);
    }

    [Fact]
    public async Task RotatedSecret_SignsTheNextDeliveries_AndTheOldOneNoLonger()
    {
        await using var receiver = WebhookReceiver.Start();
        using var admin = await factory.SignInDemoAsync("admin");
        var created = await admin.PostJsonAsync("/api/v1/webhooks", new { url = receiver.Url, eventTypes = new[] { "interaction.queued" } }, 201);
        var oldSecret = created.GetProperty("secret").GetString()!;
        var subscriptionId = created.GetProperty("subscription").GetProperty("id").GetGuid();

        using var rotateStale = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/webhooks/{subscriptionId}/secret") { Headers = { { "If-Match", "\"999\"" } } };
        using var stale = await admin.SendAsync(rotateStale, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        using var read = await admin.GetAsync($"/api/v1/webhooks/{subscriptionId}", TestContext.Current.CancellationToken);
        using var rotate = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/webhooks/{subscriptionId}/secret") { Headers = { { "If-Match", read.Headers.ETag!.Tag } } };
        using var rotated = await admin.SendAsync(rotate, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        using var body = JsonDocument.Parse(await rotated.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var newSecret = body.RootElement.GetProperty("secret").GetString()!;
        Assert.NotNull(rotated.Headers.ETag);
        Assert.StartsWith("whsec_", newSecret, StringComparison.Ordinal);
        Assert.NotEqual(oldSecret, newSecret);

        using var api = await factory.ApiClientAsync();
        var id = await api.CreateInteractionAsync(await api.IdByAsync("/api/v1/queues", "name", "Support"), "Email");
        var hit = await receiver.WaitForAsync(1);

        Assert.True(WebhookSignature.Verify(newSecret, hit.Signature, hit.Body), "the delivery is not signed with the rotated secret");
        Assert.False(WebhookSignature.Verify(oldSecret, hit.Signature, hit.Body), "the old secret still verifies");
        await api.PostAsync($"/api/v1/interactions/{id}/abandon", 204);
    }

    [Fact]
    public async Task EachDeliveryRow_IsSentOnce_WithItsOwnDeliveryId()
    {
        await using var receiver = WebhookReceiver.Start();
        using var admin = await factory.SignInDemoAsync("admin");
        var created = await admin.PostJsonAsync("/api/v1/webhooks", new { url = receiver.Url, eventTypes = new[] { "interaction.queued" } }, 201);
        var subscriptionId = created.GetProperty("subscription").GetProperty("id").GetGuid();
        using var api = await factory.ApiClientAsync();
        var support = await api.IdByAsync("/api/v1/queues", "name", "Support");
        var ids = new List<Guid>();
        for (var n = 0; n < 3; n++)
        {
            ids.Add(await api.CreateInteractionAsync(support, "Email"));
        }

        await receiver.WaitForAsync(3);
        var logged = await WaitForAllDeliveredAsync(admin, subscriptionId, 3);

        // A later delivery goes through the same sender loop; the three delivered rows must not go out again.
        factory.Time.Advance(AcdAppFactory.FirstRetryDelay * 8);
        ids.Add(await api.CreateInteractionAsync(support, "Email"));
        await receiver.WaitForAsync(4);
        logged = await WaitForAllDeliveredAsync(admin, subscriptionId, 4);

        var sent = receiver.Hits.Select(h => h.DeliveryId).ToList();
        Assert.Equal(4, sent.Count);
        Assert.Equal(logged.Order(StringComparer.Ordinal), sent.Order(StringComparer.Ordinal));
        Assert.Equal(ids.Select(i => i.ToString()).Order(StringComparer.Ordinal), receiver.Hits.Select(h => InteractionOf(h.Body)).Order(StringComparer.Ordinal));
        foreach (var id in ids)
        {
            await api.PostAsync($"/api/v1/interactions/{id}/abandon", 204);
        }
    }

    [Fact]
    public async Task DefaultGuard_RefusesLoopbackPrivateAndUnsafeUrls()
    {
        await using var strict = new GuardedWebhooksAppFactory();
        using var admin = await strict.SignInDemoAsync("admin");
        foreach (var url in new[]
        {
            "https://127.0.0.1:8443/hook", "https://localhost/hook", "https://10.0.0.7/hook", "https://[::1]/hook", "https://203.0.113.5/hook",
            "https://198.18.0.1/hook", "https://[64:ff9b::7f00:1]/hook", "https://[2002:a00:1::1]/hook", "https://[::ffff:127.0.0.1]/hook",
            "http://1.1.1.1/hook", "ftp://1.1.1.1/hook", "https://user:pw@1.1.1.1/hook",
        })
        {
            var refused = await admin.PostJsonAsync("/api/v1/webhooks", new { url }, 400);
            Assert.Contains("url", refused.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        }

        // A public address literal is accepted (and unsubscribed at once, so nothing is ever sent there).
        var created = await admin.PostJsonAsync("/api/v1/webhooks", new { url = "https://1.1.1.1/hook" }, 201);
        using var deleted = await admin.DeleteAsync($"/api/v1/webhooks/{created.GetProperty("subscription").GetProperty("id").GetGuid()}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
    }

    private static async Task<JsonElement> WaitForDeliveredAsync(HttpClient admin, Guid subscriptionId)
    {
        for (var attempt = 0; ; attempt++)
        {
            var items = (await admin.JsonAsync($"/api/v1/webhooks/{subscriptionId}/deliveries")).GetProperty("items").EnumerateArray().ToArray();
            if (items.Length == 1 && items[0].GetProperty("status").GetString() == "Delivered" || attempt == 100)
            {
                return Assert.Single(items);
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    private static string InteractionOf(string body)
    {
        using var payload = JsonDocument.Parse(body);
        return payload.RootElement.GetProperty("interactionId").GetString()!;
    }

    /// <summary>The ids of the subscription's deliveries once there are <paramref name="count"/> and all are delivered.</summary>
    private static async Task<List<string>> WaitForAllDeliveredAsync(HttpClient admin, Guid subscriptionId, int count)
    {
        for (var attempt = 0; ; attempt++)
        {
            var items = (await admin.JsonAsync($"/api/v1/webhooks/{subscriptionId}/deliveries")).GetProperty("items").EnumerateArray().ToArray();
            if ((items.Length == count && items.All(i => i.GetProperty("status").GetString() == "Delivered")) || attempt == 100)
            {
                Assert.Equal(count, items.Length);
                Assert.All(items, i => Assert.Equal(("Delivered", 1), (i.GetProperty("status").GetString(), i.GetProperty("attempts").GetInt32())));
                return items.Select(i => i.GetProperty("id").GetGuid().ToString()).ToList();
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>The server as shipped: webhook targets guarded (the test factories allow loopback receivers).</summary>
    private sealed class GuardedWebhooksAppFactory : ParleyAppFactory
    {
        protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings => [new("Parley:Webhooks:AllowPrivateTargets", "false")];
    }
}
