using System.Text.Json;
using Parley.Server.Tests.Support;
using static Parley.Server.Tests.Flows.FlowsApi;

namespace Parley.Server.Tests.Flows;

/// <summary><c>POST /api/v1/flows/{id}/try</c>: the draft or a version run against typed input, nothing stored or called.</summary>
public sealed class FlowTryApiTests(ParleyAppFactory factory) : IClassFixture<ParleyAppFactory>
{
    private static string MenuFlow(string name, string support) => $$"""
        {
          "name": "{{name}}",
          "designer": { "positions": { "start": { "x": 40, "y": 40 } } },
          "blocks": [
            { "type": "start", "id": "start", "next": "menu" },
            { "type": "menu", "id": "menu", "prompt": { "text": "Press 1 or say sales." },
              "options": [ { "digit": "1", "keywords": ["sales"], "next": "sales" }, { "digit": "2", "next": "support" } ] },
            { "type": "transferToQueue", "id": "sales", "queue": "Sales" },
            { "type": "transferToQueue", "id": "support", "queue": "{{support}}" }
          ]
        }
        """;

    private static async Task<JsonElement> TryAsync(HttpClient client, Guid id, string body, int status = 200)
    {
        using var response = await client.SendFlowAsync(HttpMethod.Post, $"/api/v1/flows/{id}/try", body);
        return await (await response.ExpectAsync(status)).ReadJsonAsync();
    }

    [Fact]
    public async Task Trying_the_draft_with_words_shows_the_prompts_the_path_and_the_queue()
    {
        using var admin = await factory.SignInDemoAsync("admin");
        var id = (await admin.CreateFlowAsync(MenuFlow(Unique("Try"), "Support"))).GetProperty("id").GetGuid();

        var result = await TryAsync(admin, id, """{"inputs":["sales please"]}""");

        Assert.Equal("transferred", result.GetProperty("outcome").GetString());
        Assert.Equal(["Press 1 or say sales."], result.GetProperty("prompts").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(["start", "menu", "sales"], result.GetProperty("path").EnumerateArray().Select(p => p.GetProperty("blockId").GetString()));
        Assert.Equal("Sales", result.GetProperty("steps")[1].GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Trying_an_older_version_runs_that_version_not_the_draft()
    {
        using var admin = await factory.SignInDemoAsync("admin");
        var name = Unique("TryVersion");
        var id = (await admin.CreateFlowAsync(MenuFlow(name, "Support"))).GetProperty("id").GetGuid();
        Assert.Equal(200, (await admin.PublishAsync(id)).Status);
        var etag = (await admin.GetAsync($"/api/v1/flows/{id}", Ct)).Headers.ETag!.Tag;
        using (var put = await admin.SendFlowAsync(HttpMethod.Put, $"/api/v1/flows/{id}", MenuFlow(name, "Sales"), etag))
        {
            await put.ExpectAsync(200);
        }

        var draft = await TryAsync(admin, id, """{"inputs":["2"]}""");
        var version = await TryAsync(admin, id, """{"inputs":["2"],"version":1}""");

        Assert.Equal("Sales", draft.GetProperty("steps").EnumerateArray().Last().GetProperty("detail").GetString());
        Assert.Equal("Support", version.GetProperty("steps").EnumerateArray().Last().GetProperty("detail").GetString());
        await TryAsync(admin, id, """{"version":9}""", 400);
    }

    [Fact]
    public async Task Too_many_entries_are_refused_and_a_reader_without_flows_permission_is_forbidden()
    {
        using var admin = await factory.SignInDemoAsync("admin");
        var id = (await admin.CreateFlowAsync(MenuFlow(Unique("TryLimits"), "Support"))).GetProperty("id").GetGuid();
        var many = JsonSerializer.Serialize(new { inputs = Enumerable.Repeat("1", 51) });

        var problem = await TryAsync(admin, id, many, 400);

        Assert.Contains("inputs", problem.Pointers());
        using var agent = await factory.SignInDemoAsync("agent1");
        await TryAsync(agent, id, "{}", 403);
    }
}
