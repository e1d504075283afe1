using System.Text.Json;
using Parley.Server.Tests.Support;

namespace Parley.Server.Tests.Acd;

/// <summary><c>GET /api/v1/interactions</c>: newest first, each filter narrows the list, cursor paging, 400 for bad filters.</summary>
public sealed class InteractionListTests(AcdAppFactory factory) : IClassFixture<AcdAppFactory>
{
    [Fact]
    public async Task List_IsNewestFirst_AndEachFilterNarrowsIt()
    {
        await factory.GiveDemoAgentsDeskPhonesAsync();
        using var admin = await factory.SignInDemoAsync("admin");
        using var api = await factory.ApiClientAsync();
        using var agent = await factory.SignInDemoAsync("agent1");
        var first = await admin.CreateUnservedQueueAsync("Voice", "Chat");
        var second = await admin.CreateUnservedQueueAsync("Voice");
        var sales = await api.IdByAsync("/api/v1/queues", "name", "Sales");
        var agentId = await admin.IdByAsync("/api/v1/agents", "extension", "1001");

        var voice = await api.CreateInteractionAsync(first, "Voice", 0);
        factory.Time.Advance(TimeSpan.FromMinutes(1));
        var between = factory.Time.GetUtcNow();
        factory.Time.Advance(TimeSpan.FromMinutes(1));
        var chat = await api.CreateInteractionAsync(first, "Chat", 0);
        var other = await api.CreateInteractionAsync(second, "Voice", 0);
        await api.PostAsync($"/api/v1/interactions/{chat}/abandon", 204);
        await agent.PostJsonAsync("/api/v1/agents/me/sign-in", new { }, 200);
        var accepted = await api.CreateInteractionAsync(sales, "Voice", 0);
        await agent.PostAsync($"/api/v1/interactions/{accepted}/accept", 204);
        try
        {
            var all = await IdsAsync(admin, "?limit=200");
            Assert.Equal([accepted, other, chat, voice], all.Where(new[] { voice, chat, other, accepted }.Contains));

            Assert.Equal([chat, voice], await IdsAsync(admin, $"?queueId={first}"));
            Assert.Equal([chat], await IdsAsync(admin, $"?queueId={first}&channel=Chat"));
            Assert.Equal([voice], await IdsAsync(admin, $"?queueId={first}&state=Waiting"));
            Assert.Equal([voice], await IdsAsync(admin, $"?queueId={first}&createdTo={Iso(between)}"));
            Assert.Equal([chat], await IdsAsync(admin, $"?queueId={first}&createdFrom={Iso(between)}"));
            Assert.Equal([accepted], await IdsAsync(admin, $"?agentId={agentId}&state=Active"));

            await AllMatchAsync(admin, "?channel=chat", "channel", "Chat", chat, voice);
            await AllMatchAsync(admin, "?state=Abandoned", "status", "Abandoned", chat, voice);
            await AllMatchAsync(admin, "?state=waiting", "status", "Waiting", other, chat);
            await AllMatchAsync(admin, $"?agentId={agentId}", "agentId", agentId.ToString(), accepted, voice);
            await AllMatchAsync(admin, $"?createdFrom={Iso(between)}", "status", null, other, voice);
            await AllMatchAsync(admin, $"?createdTo={Iso(between)}", "status", null, voice, other);
            await AllMatchAsync(admin, $"?queueId={second}", "queueId", second.ToString(), other, voice);

            var item = (await admin.JsonAsync($"/api/v1/interactions?queueId={second}")).GetProperty("items")[0];
            Assert.Equal((other.ToString(), "Voice", "Waiting"), (item.GetProperty("id").GetString(), item.GetProperty("channel").GetString(), item.GetProperty("status").GetString()));
        }
        finally
        {
            await agent.PostAsync($"/api/v1/interactions/{accepted}/end", 204);
            await agent.PostJsonAsync($"/api/v1/interactions/{accepted}/wrap-up", new { code = "resolved" }, 204);
            await agent.PostJsonAsync("/api/v1/agents/me/sign-out", new { }, 200);
        }
    }

    [Fact]
    public async Task List_PagesWithACursor_WithoutGapsOrRepeats()
    {
        using var admin = await factory.SignInDemoAsync("admin");
        using var api = await factory.ApiClientAsync();
        var queue = await admin.CreateUnservedQueueAsync("Email");
        var created = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            created.Add(await api.CreateInteractionAsync(queue, "Email", 0));
        }

        var seen = new List<Guid>();
        var pages = new List<int>();
        string? cursor = null;
        do
        {
            var url = $"/api/v1/interactions?queueId={queue}&limit=2" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}");
            var page = await api.JsonAsync(url);
            var ids = page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
            pages.Add(ids.Count);
            seen.AddRange(ids);
            cursor = page.GetProperty("nextCursor").ValueKind == JsonValueKind.Null ? null : page.GetProperty("nextCursor").GetString();
            if (pages.Count == 1)
            {
                // An arrival after the first page lands before it: the next pages neither repeat nor skip anything.
                await api.CreateInteractionAsync(queue, "Email", 0);
            }
        }
        while (cursor is not null);

        Assert.Equal([2, 2, 1], pages);
        Assert.Equal(Enumerable.Reverse(created), seen);
        var problem = await admin.JsonAsync("/api/v1/interactions?cursor=bm90LWEtbnVtYmVy", 400);
        Assert.True(problem.GetProperty("errors").TryGetProperty("cursor", out _));
    }

    [Theory]
    [InlineData("createdFrom=yesterday", "createdFrom")]
    [InlineData("createdTo=2026-13-01", "createdTo")]
    [InlineData("createdFrom=2026-12-01T10:00:00Z&createdTo=2026-12-01T09:00:00Z", "createdTo")]
    [InlineData("state=Queued", "state")]
    [InlineData("channel=Fax", "channel")]
    [InlineData("queueId=sales", "queueId")]
    [InlineData("agentId=42", "agentId")]
    public async Task List_WithABadFilter_AnswersProblemDetails400_NamingTheField(string query, string field)
    {
        using var admin = await factory.SignInDemoAsync("admin");
        using var response = await admin.GetAsync("/api/v1/interactions?" + query, TestContext.Current.CancellationToken);
        await response.ExpectAsync(400);
        Assert.Equal("application/problem+json", response.ContentType());
        var problem = await response.ReadJsonAsync();
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.Equal([field], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task List_IsForThoseWhoReadInteractions_NotForAgents()
    {
        using var supervisor = await factory.SignInDemoAsync("supervisor");
        using var agent = await factory.SignInDemoAsync("agent1");
        await supervisor.JsonAsync("/api/v1/interactions?createdFrom=2026-01-01");
        using var refused = await agent.GetAsync("/api/v1/interactions", TestContext.Current.CancellationToken);
        await refused.ExpectAsync(403);
    }

    private static async Task<List<Guid>> IdsAsync(HttpClient client, string query)
    {
        var page = await client.JsonAsync("/api/v1/interactions" + query);
        return [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid())];
    }

    /// <summary>Every item has <paramref name="field"/> = <paramref name="value"/> (when given), one is listed and one is not.</summary>
    private static async Task AllMatchAsync(HttpClient client, string query, string field, string? value, Guid listed, Guid notListed)
    {
        var items = (await client.JsonAsync("/api/v1/interactions" + query + "&limit=200")).GetProperty("items").EnumerateArray().ToList();
        if (value is not null)
        {
            Assert.All(items, i => Assert.Equal(value, i.GetProperty(field).ToString()));
        }

        var ids = items.Select(i => i.GetProperty("id").GetGuid()).ToList();
        Assert.Contains(listed, ids);
        Assert.DoesNotContain(notListed, ids);
    }

    private static string Iso(DateTimeOffset at) => Uri.EscapeDataString(at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture));
}
