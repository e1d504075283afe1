using System.Net.Http.Json;
using System.Text.Json;
using Parley.Server.Tests.Acd;
using Parley.Server.Tests.Support;

namespace Parley.Server.Tests.Audit;

/// <summary>
/// What reaches the hash chain (issue 12, "the durable write path"): configuration and refusals do, operational traffic
/// recorded in routing history does not; and writes arriving together are chained in one commit without breaking the chain.
/// </summary>
public sealed class AuditPolicyTests(ParleyAppFactory factory) : IClassFixture<ParleyAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ACreatedInteraction_IsInRoutingHistory_NotInTheAuditChain_ButARefusedOneIsAudited()
    {
        using var api = await factory.ApiClientAsync();
        var queue = await api.IdByAsync("/api/v1/queues", "name", "Sales");
        var id = await api.CreateInteractionAsync(queue, "Email");

        using var agent = await factory.SignInDemoAsync("agent1");
        using var refused = await agent.PostAsJsonAsync("/api/v1/interactions", new { queueId = queue, channel = "Email" }, Ct);
        await refused.ExpectAsync(403);

        var history = (await api.GetJsonAsync($"/api/v1/interactions/{id}")).GetProperty("history").EnumerateArray();
        Assert.Contains(history, h => h.GetProperty("kind").GetString() == "interaction.queued");
        using var admin = await factory.SignInDemoAsync("admin");
        var entries = await EntriesAsync(admin, "?action=interactions.create&limit=200");
        Assert.DoesNotContain(entries, e => e.GetProperty("targetId").GetString() == id.ToString());
        var denied = Assert.Single(entries, e => e.GetProperty("actorName").GetString() == "agent1");
        Assert.Equal(("denied", 403), (denied.GetProperty("outcome").GetString(), denied.GetProperty("statusCode").GetInt32()));
    }

    [Fact]
    public async Task ConfigurationWritesArrivingTogether_AreEachChained_AndTheChainVerifies()
    {
        using var admin = await factory.SignInDemoAsync("admin");
        var names = Enumerable.Range(0, 40).Select(i => Names.Unique($"together-{i}")).ToList();
        var created = await Task.WhenAll(names.Select(async name =>
        {
            using var response = await admin.PostAsJsonAsync("/api/v1/skills", new { name, description = "chained together" }, Ct);
            await response.ExpectAsync(201);
            return (await response.ReadJsonAsync()).GetProperty("id").GetGuid().ToString();
        }));

        var entries = await EntriesAsync(admin, "?action=skills.create&limit=200");
        var chained = entries.Where(e => created.Contains(e.GetProperty("targetId").GetString())).ToList();
        Assert.Equal(40, chained.Count);
        Assert.Equal(40, chained.Select(e => e.GetProperty("sequence").GetInt64()).Distinct().Count());
        Assert.True((await admin.GetJsonAsync("/api/v1/audit/verify")).GetProperty("valid").GetBoolean());
    }

    private static async Task<List<JsonElement>> EntriesAsync(HttpClient client, string query) =>
        [.. (await client.GetJsonAsync("/api/v1/audit" + query)).GetProperty("items").EnumerateArray()];
}
