using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Parley.Cluster.Routing.Ports;
using Parley.Server.Tests.Support;

namespace Parley.Server.Tests.Acd;

/// <summary>
/// One writer of a tenant's routing state in the database: when another activation claims the tenant (as a duplicate
/// activation on a joining node would), the one that ran before writes nothing more, the API says 503 with
/// Retry-After instead of failing, and the retry reaches an activation that has loaded everything acknowledged.
/// </summary>
public sealed class RoutingOwnershipTests
{
    [Fact]
    public async Task AfterAnotherActivationClaimsTheTenant_TheOldOneWritesNothing_AndTheRetryIsServed()
    {
        await using var server = new ParleyAppFactory();
        using var api = await server.ApiClientAsync();
        var support = await api.IdByAsync("/api/v1/queues", "name", "Support");
        var first = await api.CreateInteractionAsync(support, "Chat");
        var tenant = await server.DemoTenantIdAsync();
        var before = await InteractionCountAsync(server);

        var store = server.Services.GetRequiredService<IRoutingStore>();
        var claimed = await store.ClaimAsync(tenant, TestContext.Current.CancellationToken);
        using var refused = await api.PostAsJsonAsync("/api/v1/interactions", new { queueId = support, channel = "Chat", attributes = new { } }, TestContext.Current.CancellationToken);

        Assert.Equal((HttpStatusCode.ServiceUnavailable, true), (refused.StatusCode, refused.Headers.RetryAfter is not null));
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await InteractionCountAsync(server));

        var second = await CreateRetryingAsync(api, support);
        var epoch = await server.WithDatabaseAsync(db => db.RoutingOwnership.IgnoreQueryFilters().Where(o => o.TenantId == tenant).Select(o => o.Epoch).SingleAsync(TestContext.Current.CancellationToken));
        Assert.True(epoch > claimed, $"no activation claimed the tenant after the test's claim {claimed} (epoch {epoch})");
        var waiting = await api.JsonAsync($"/api/v1/queues/{support}/waiting");
        var ids = waiting.GetProperty("items").EnumerateArray().Select(w => w.GetProperty("id").GetGuid()).ToList();
        Assert.Equal([first, second], ids.Where(id => id == first || id == second));
    }

    [Fact]
    public async Task ClaimsAreIncreasing_AndASaveUnderAnOlderClaim_WritesNothing()
    {
        await using var server = new ParleyAppFactory();
        var tenant = await server.DemoTenantIdAsync();
        var store = server.Services.GetRequiredService<IRoutingStore>();
        var older = await store.ClaimAsync(tenant, TestContext.Current.CancellationToken);
        var newer = await store.ClaimAsync(tenant, TestContext.Current.CancellationToken);
        Assert.Equal(older + 1, newer);

        var support = await server.WithDatabaseAsync(db => db.Queues.IgnoreQueryFilters().Where(q => q.TenantId == tenant && q.Name == "Support").Select(q => q.Id).SingleAsync(TestContext.Current.CancellationToken));
        var id = Guid.NewGuid();
        var changes = new RoutingChanges(
            [new NewInteraction(id.ToString(), support.ToString(), Parley.Routing.Channels.Channel.Chat, 0, new Dictionary<string, string>(), server.Time.GetUtcNow(), 1_000_000)], [], [], []);

        await Assert.ThrowsAsync<RoutingOwnershipLostException>(() => store.SaveAsync(tenant, older, changes, TestContext.Current.CancellationToken));
        Assert.False(await server.WithDatabaseAsync(db => db.Interactions.IgnoreQueryFilters().AnyAsync(i => i.Id == id, TestContext.Current.CancellationToken)));

        await store.SaveAsync(tenant, newer, changes, TestContext.Current.CancellationToken);
        Assert.True(await server.WithDatabaseAsync(db => db.Interactions.IgnoreQueryFilters().AnyAsync(i => i.Id == id, TestContext.Current.CancellationToken)));
    }

    private static Task<int> InteractionCountAsync(ParleyAppFactory server) =>
        server.WithDatabaseAsync(db => db.Interactions.IgnoreQueryFilters().CountAsync(TestContext.Current.CancellationToken));

    private static async Task<Guid> CreateRetryingAsync(HttpClient api, Guid queue)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var response = await api.PostAsJsonAsync("/api/v1/interactions", new { queueId = queue, channel = "Chat", attributes = new { } }, TestContext.Current.CancellationToken);
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable || attempt == 50)
            {
                Assert.Equal(HttpStatusCode.Created, response.StatusCode);
                var body = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(TestContext.Current.CancellationToken);
                return body.GetProperty("id").GetGuid();
            }

            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }
}
