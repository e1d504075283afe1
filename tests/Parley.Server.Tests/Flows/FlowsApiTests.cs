using System.Text.Json;
using Parley.Server.Tests.Support;
using static Parley.Server.Tests.Flows.FlowsApi;

namespace Parley.Server.Tests.Flows;

/// <summary><c>/api/v1/flows</c>: drafts, validation, immutable versions, publish and roll back.</summary>
public sealed class FlowsApiTests(ParleyAppFactory factory) : IClassFixture<ParleyAppFactory>
{
    private const string BrokenFlow = """
        {
          "name": "Broken",
          "voice": "klingon",
          "blocks": [
            { "type": "start", "id": "start", "next": "menu" },
            { "type": "menu", "id": "menu", "prompt": { "text": "Pick." }, "options": [ { "digit": "1", "next": "nowhere" } ] },
            { "type": "teleport", "id": "odd" },
            { "type": "transferToQueue", "id": "queue", "queue": "No such queue" }
          ]
        }
        """;

    [Fact]
    public async Task DraftWithErrors_IsSaved_WithEveryErrorByPointer_AndPublishRefusesItWith400()
    {
        using var admin = await factory.SignInDemoAsync("admin");
        var created = await admin.CreateFlowAsync(BrokenFlow);
        var validation = created.GetProperty("validation");
        Assert.False(validation.GetProperty("valid").GetBoolean());
        var expected = new[] { "/voice", "/blocks/1/options/0/next", "/blocks/2/type", "/blocks/3", "/blocks/3/queue" };
        Assert.Superset(expected.ToHashSet(), validation.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToHashSet());
        Assert.Null(created.GetProperty("publishedVersion").GetString());

        var (status, problem) = await admin.PublishAsync(created.GetProperty("id").GetGuid());
        Assert.Equal(400, status);
        Assert.Superset(expected.ToHashSet(), problem.Pointers().ToHashSet());
        Assert.Contains("klingon", problem.GetProperty("errors").GetProperty("/voice")[0].GetString(), StringComparison.Ordinal);

        var read = await admin.GetJsonAsync($"/api/v1/flows/{created.GetProperty("id").GetGuid()}");
        Assert.Equal((0, JsonValueKind.Null), (read.GetProperty("latestVersion").GetInt32(), read.GetProperty("publishedVersion").ValueKind));
    }

    [Fact]
    public async Task Publish_MakesImmutableVersions_AndPublishingAnOlderOne_RollsBack()
    {
        using var admin = await factory.SignInDemoAsync("admin");
        var name = Unique("Versions");
        var flow = await admin.CreateFlowAsync(SimpleFlow(name, "First words."));
        var id = flow.GetProperty("id").GetGuid();
        Assert.True(flow.GetProperty("validation").GetProperty("valid").GetBoolean());

        var (first, one) = await admin.PublishAsync(id);
        Assert.Equal((200, 1, 1), (first, one.GetProperty("publishedVersion").GetInt32(), one.GetProperty("latestVersion").GetInt32()));

        using var read = await admin.GetAsync($"/api/v1/flows/{id}", Ct);
        using var saved = await admin.SendFlowAsync(HttpMethod.Put, $"/api/v1/flows/{id}", SimpleFlow(name, "Second words."), read.Headers.ETag!.Tag);
        Assert.Equal(1, (await (await saved.ExpectAsync(200)).ReadJsonAsync()).GetProperty("publishedVersion").GetInt32());
        var (_, two) = await admin.PublishAsync(id);
        Assert.Equal((2, 2), (two.GetProperty("publishedVersion").GetInt32(), two.GetProperty("latestVersion").GetInt32()));

        var (_, again) = await admin.PublishAsync(id);
        Assert.Equal(2, again.GetProperty("latestVersion").GetInt32());

        var (back, rolledBack) = await admin.PublishAsync(id, version: 1);
        Assert.Equal((200, 1, 2), (back, rolledBack.GetProperty("publishedVersion").GetInt32(), rolledBack.GetProperty("latestVersion").GetInt32()));
        Assert.Contains("Second words.", rolledBack.GetProperty("draft").GetRawText(), StringComparison.Ordinal);

        var versions = (await admin.GetJsonAsync($"/api/v1/flows/{id}/versions")).GetProperty("items").EnumerateArray()
            .Select(v => (v.GetProperty("version").GetInt32(), v.GetProperty("published").GetBoolean())).ToArray();
        Assert.Equal([(2, false), (1, true)], versions);
        var v1 = await admin.GetJsonAsync($"/api/v1/flows/{id}/versions/1");
        Assert.Contains("First words.", v1.GetProperty("document").GetRawText(), StringComparison.Ordinal);
        Assert.Equal("admin", v1.GetProperty("publishedBy").GetString());
        await admin.GetJsonAsync($"/api/v1/flows/{id}/versions/3", 404);
        Assert.Equal(400, (await admin.PublishAsync(id, version: 7)).Status);
    }

    [Fact]
    public async Task Update_WithoutIfMatch_Is428_AndWithAStaleOne_Is412()
    {
        using var admin = await factory.SignInDemoAsync("admin");
        var name = Unique("Etag");
        var flow = await admin.CreateFlowAsync(SimpleFlow(name));
        var url = $"/api/v1/flows/{flow.GetProperty("id").GetGuid()}";
        using var missing = await admin.SendFlowAsync(HttpMethod.Put, url, SimpleFlow(name, "x"));
        await missing.ExpectAsync(428);
        using var first = await admin.SendFlowAsync(HttpMethod.Put, url, SimpleFlow(name, "y"), "\"1\"");
        await first.ExpectAsync(200);
        using var stale = await admin.SendFlowAsync(HttpMethod.Put, url, SimpleFlow(name, "z"), "\"1\"");
        await stale.ExpectAsync(412);
    }

    [Fact]
    public async Task MalformedJson_Is400WithWhereReadingStopped_AndAnUnnamedFlowIs400_AndADuplicateNameIs409()
    {
        using var admin = await factory.SignInDemoAsync("admin");
        using var malformed = await admin.SendFlowAsync(HttpMethod.Post, "/api/v1/flows", """{ "name": "x", "blocks": [ { "type": "start", """);
        var problem = await (await malformed.ExpectAsync(400)).ReadJsonAsync();
        Assert.Single(problem.Pointers());
        Assert.Contains("line", problem.GetProperty("errors").EnumerateObject().Single().Value[0].GetString(), StringComparison.Ordinal);

        using var unnamed = await admin.SendFlowAsync(HttpMethod.Post, "/api/v1/flows", """{ "blocks": [] }""");
        Assert.Equal(["/name"], (await (await unnamed.ExpectAsync(400)).ReadJsonAsync()).Pointers());

        var name = Unique("Twice");
        await admin.CreateFlowAsync(SimpleFlow(name));
        using var twice = await admin.SendFlowAsync(HttpMethod.Post, "/api/v1/flows", SimpleFlow(name));
        await twice.ExpectAsync(409);
    }

    [Fact]
    public async Task AFlowOverTheDocumentLimit_Is413()
    {
        using var admin = await factory.SignInDemoAsync("admin");
        var big = SimpleFlow(Unique("Big"), new string('a', 300 * 1024));
        using var response = await admin.SendFlowAsync(HttpMethod.Post, "/api/v1/flows", big);
        var problem = await (await response.ExpectAsync(413)).ReadJsonAsync();
        Assert.Contains("262144", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASubflowMustBePublished_AndAFlowCalledByAPublishedFlow_CannotBeDeleted()
    {
        using var admin = await factory.SignInDemoAsync("admin");
        var inner = await admin.CreateFlowAsync(SimpleFlow(Unique("Inner")));
        var innerId = inner.GetProperty("id").GetGuid();
        var outerJson = $$"""
            { "name": "{{Unique("Outer")}}", "blocks": [
              { "type": "start", "id": "start", "next": "call" },
              { "type": "subflow", "id": "call", "flowId": "{{innerId}}", "next": "bye" },
              { "type": "hangUp", "id": "bye" } ] }
            """;
        var outer = await admin.CreateFlowAsync(outerJson);
        Assert.Equal(["/blocks/1/flowId"], outer.GetProperty("validation").GetProperty("errors").EnumerateObject().Select(p => p.Name).ToArray());

        Assert.Equal(200, (await admin.PublishAsync(innerId)).Status);
        Assert.Equal(200, (await admin.PublishAsync(outer.GetProperty("id").GetGuid())).Status);
        using var refused = await admin.DeleteAsync($"/api/v1/flows/{innerId}", Ct);
        await refused.ExpectAsync(409);

        using var deleted = await admin.DeleteAsync($"/api/v1/flows/{outer.GetProperty("id").GetGuid()}", Ct);
        await deleted.ExpectAsync(204);
        using var nowFree = await admin.DeleteAsync($"/api/v1/flows/{innerId}", Ct);
        await nowFree.ExpectAsync(204);
        await admin.GetJsonAsync($"/api/v1/flows/{innerId}/versions/1", 404);
    }

    [Fact]
    public async Task AnAgent_CannotReadOrWriteFlows()
    {
        using var agent = await factory.SignInDemoAsync("agent1");
        await agent.GetJsonAsync("/api/v1/flows", 403);
        using var response = await agent.SendFlowAsync(HttpMethod.Post, "/api/v1/flows", SimpleFlow(Unique("Agent")));
        await response.ExpectAsync(403);
    }

    [Fact]
    public async Task TheList_IsPagedByName_WithoutDocuments()
    {
        using var admin = await factory.SignInDemoAsync("admin");
        await admin.CreateFlowAsync(SimpleFlow(Unique("Listed")));
        await admin.CreateFlowAsync(SimpleFlow(Unique("Listed")));
        var page = await admin.GetJsonAsync("/api/v1/flows?limit=1");
        var item = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.False(item.TryGetProperty("draft", out _));
        var next = await admin.GetJsonAsync($"/api/v1/flows?limit=1&cursor={page.GetProperty("nextCursor").GetString()}");
        Assert.NotEqual(item.GetProperty("name").GetString(), next.GetProperty("items")[0].GetProperty("name").GetString());
    }
}
