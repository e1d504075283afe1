using Microsoft.EntityFrameworkCore;
using Parley.Server.Tests.Support;

namespace Parley.Server.Tests.Acd;

/// <summary>Each subscription is delivered on its own: a hanging or broken one holds back nobody else.</summary>
public sealed partial class WebhookTests
{
    [Fact]
    public async Task AHangingEndpoint_DelaysOnlyItsOwnDeliveries()
    {
        await using var hanging = WebhookReceiver.StartHanging();
        await using var other = WebhookReceiver.Start();
        using var admin = await factory.SignInDemoAsync("admin");
        var subscriptions = new[] { await SubscribeAsync(admin, hanging.Url), await SubscribeAsync(admin, other.Url) };
        using var api = await factory.ApiClientAsync();
        var support = await api.IdByAsync("/api/v1/queues", "name", "Support");

        var ids = new List<Guid> { await api.CreateInteractionAsync(support, "Email") };
        await hanging.WaitForAsync(1); // the hanging endpoint now holds its first delivery and never answers
        for (var n = 0; n < 3; n++)
        {
            ids.Add(await api.CreateInteractionAsync(support, "Email"));
        }

        await other.WaitForAsync(4);

        // The server's clock has not moved, so the hanging request has not timed out: the other subscriber got all
        // four events while the hanging one still holds the first (its later deliveries wait behind it, in order).
        Assert.Equal((1, 0), (hanging.Hits.Count, hanging.Abandoned));
        Assert.Equal(ids.Select(i => i.ToString()).Order(StringComparer.Ordinal), other.Hits.Select(h => InteractionOf(h.Body)).Order(StringComparer.Ordinal));
        await CleanUpAsync(api, admin, ids, subscriptions);
    }

    [Fact]
    public async Task ADeliveryThatCannotBeSent_FailsAlone_AndTheOthersAreDelivered()
    {
        await using var receiver = WebhookReceiver.Start();
        using var admin = await factory.SignInDemoAsync("admin");
        var good = await SubscribeAsync(admin, receiver.Url);
        var unreadableSecret = await SubscribeAsync(admin, receiver.Url);
        var badUrl = await SubscribeAsync(admin, receiver.Url);
        await factory.WithDatabaseAsync(async db =>
        {
            var rows = await db.WebhookSubscriptions.IgnoreQueryFilters().Where(s => s.Id == unreadableSecret || s.Id == badUrl).ToListAsync(TestContext.Current.CancellationToken);
            rows.Single(s => s.Id == unreadableSecret).ProtectedSecret = "not-protected-by-this-server";
            rows.Single(s => s.Id == badUrl).Url = "not a url";
            return await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });
        using var api = await factory.ApiClientAsync();
        var id = await api.CreateInteractionAsync(await api.IdByAsync("/api/v1/queues", "name", "Support"), "Email");

        var delivered = await WaitForFinalAsync(admin, good);
        var secretFailed = await WaitForFinalAsync(admin, unreadableSecret);
        var urlFailed = await WaitForFinalAsync(admin, badUrl);

        Assert.Equal(("Delivered", 1), (delivered.GetProperty("status").GetString(), delivered.GetProperty("attempts").GetInt32()));
        Assert.Equal(("Failed", 1), (secretFailed.GetProperty("status").GetString(), secretFailed.GetProperty("attempts").GetInt32()));
        Assert.Contains("cannot be sent", secretFailed.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Equal(("Failed", 1), (urlFailed.GetProperty("status").GetString(), urlFailed.GetProperty("attempts").GetInt32()));
        Assert.Single(receiver.Hits);
        await CleanUpAsync(api, admin, [id], [good, unreadableSecret, badUrl]);
    }

    private static async Task<Guid> SubscribeAsync(HttpClient admin, string url)
    {
        var created = await admin.PostJsonAsync("/api/v1/webhooks", new { url, eventTypes = new[] { "interaction.queued" } }, 201);
        return created.GetProperty("subscription").GetProperty("id").GetGuid();
    }

    /// <summary>The subscription's single delivery once it is delivered or given up.</summary>
    private static async Task<System.Text.Json.JsonElement> WaitForFinalAsync(HttpClient admin, Guid subscriptionId)
    {
        for (var attempt = 0; ; attempt++)
        {
            var items = (await admin.JsonAsync($"/api/v1/webhooks/{subscriptionId}/deliveries")).GetProperty("items").EnumerateArray().ToArray();
            if ((items.Length == 1 && items[0].GetProperty("status").GetString() != "Pending") || attempt == 200)
            {
                return Assert.Single(items);
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    private static async Task CleanUpAsync(HttpClient api, HttpClient admin, IEnumerable<Guid> interactions, IEnumerable<Guid> subscriptions)
    {
        foreach (var id in interactions)
        {
            await api.PostAsync($"/api/v1/interactions/{id}/abandon", 204);
        }

        foreach (var id in subscriptions)
        {
            using var deleted = await admin.DeleteAsync($"/api/v1/webhooks/{id}", TestContext.Current.CancellationToken);
            Assert.Equal(System.Net.HttpStatusCode.NoContent, deleted.StatusCode);
        }
    }
}
