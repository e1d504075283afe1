using System.Net.Http.Json;
using System.Text.Json;
using Parley.Server.Application.CannedResponses;
using Parley.Server.Tests.Acd;
using Parley.Server.Tests.Support;

namespace Parley.Server.Tests.Api.CannedResponses;

/// <summary><c>/api/v1/canned-responses</c>: tenant and personal responses, who sees and changes which, If-Match, limits, audit.</summary>
public sealed class CannedResponsesApiTests(ParleyAppFactory factory) : IClassFixture<ParleyAppFactory>
{
    private const string Url = "/api/v1/canned-responses";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnAgent_SeesTheTenantsResponsesAndTheirOwn_ButNotAColleaguesPersonalOnes()
    {
        using var admin = await factory.SignInDemoAsync("admin");
        using var first = await NewAgentAsync(admin);
        using var second = await NewAgentAsync(admin);
        var shared = await admin.PostJsonAsync(Url, new { scope = "tenant", shortcut = Names.Unique("hello"), title = "Greeting", text = "Hello {{customer.name}}!" }, 201);
        var own = await first.PostJsonAsync(Url, new { shortcut = "mine", title = "Mine", text = "Only for me", tags = new[] { "x" } }, 201);

        var firstSees = Ids(await first.JsonAsync(Url));
        var secondSees = Ids(await second.JsonAsync(Url));
        var secondPersonal = Ids(await second.JsonAsync(Url + "?scope=personal"));

        Assert.Contains(shared.GetProperty("id").GetGuid(), firstSees);
        Assert.Contains(own.GetProperty("id").GetGuid(), firstSees);
        Assert.Equal("personal", own.GetProperty("scope").GetString());
        Assert.Contains(shared.GetProperty("id").GetGuid(), secondSees);
        Assert.DoesNotContain(own.GetProperty("id").GetGuid(), secondSees);
        Assert.Empty(secondPersonal);
        await second.JsonAsync($"{Url}/{own.GetProperty("id").GetGuid()}", 404);
        using var delete = await second.DeleteAsync($"{Url}/{own.GetProperty("id").GetGuid()}", Ct);
        await delete.ExpectAsync(404);
    }

    [Fact]
    public async Task AnAgent_CannotCreateOrChangeTheTenantsResponses()
    {
        using var admin = await factory.SignInDemoAsync("admin");
        using var agent = await NewAgentAsync(admin);
        var shared = await admin.PostJsonAsync(Url, new { scope = "tenant", shortcut = Names.Unique("bye"), title = "Bye", text = "Goodbye" }, 201);

        await agent.PostJsonAsync(Url, new { scope = "tenant", shortcut = "tenant-one", title = "T", text = "T" }, 403);
        using var put = await agent.PutJsonAsync($"{Url}/{shared.GetProperty("id").GetGuid()}", new { shortcut = "bye", title = "B", text = "B" }, "\"1\"");
        await put.ExpectAsync(403);
    }

    [Fact]
    public async Task Update_NeedsTheCurrentETagInIfMatch()
    {
        using var admin = await factory.SignInDemoAsync("admin");
        using var agent = await NewAgentAsync(admin);
        using var created = await agent.PostAsJsonAsync(Url, new { shortcut = "thanks", title = "Thanks", text = "Thank you" }, Ct);
        await created.ExpectAsync(201);
        var id = (await created.ReadJsonAsync()).GetProperty("id").GetGuid();
        var body = new { shortcut = "thanks", title = "Thanks!", text = "Thank you, {{customer.name}}." };

        using var missing = await agent.PutJsonAsync($"{Url}/{id}", body, null);
        using var current = await agent.PutJsonAsync($"{Url}/{id}", body, created.Headers.ETag!.Tag);
        using var stale = await agent.PutJsonAsync($"{Url}/{id}", body, created.Headers.ETag!.Tag);

        await missing.ExpectAsync(428);
        var updated = await (await current.ExpectAsync(200)).ReadJsonAsync();
        Assert.Equal(("Thanks!", 2L), (updated.GetProperty("title").GetString(), updated.GetProperty("version").GetInt64()));
        Assert.Equal("\"2\"", current.Headers.ETag!.Tag);
        await stale.ExpectAsync(412);
    }

    [Fact]
    public async Task ABadShortcut_IsRefused_AndADuplicateOneConflicts()
    {
        using var admin = await factory.SignInDemoAsync("admin");
        using var agent = await NewAgentAsync(admin);

        await agent.PostJsonAsync(Url, new { shortcut = "Has Space", title = "T", text = "T" }, 400);
        await agent.PostJsonAsync(Url, new { shortcut = "ok", title = "T", text = new string('x', CannedResponseRules.MaxText + 1) }, 400);
        await agent.PostJsonAsync(Url, new { shortcut = "ok", title = "T", text = "T", language = "not a tag" }, 400);
        await agent.PostJsonAsync(Url, new { shortcut = "dup", title = "T", text = "T" }, 201);
        await agent.PostJsonAsync(Url, new { shortcut = "dup", title = "T2", text = "T2" }, 409);
    }

    [Fact]
    public async Task APerson_KeepsAtMostTheLimitOfPersonalResponses()
    {
        using var admin = await factory.SignInDemoAsync("admin");
        using var agent = await NewAgentAsync(admin);
        for (var i = 0; i < CannedResponseRules.MaxPersonal; i++)
        {
            await agent.PostJsonAsync(Url, new { shortcut = $"r{i}", title = "T", text = "T" }, 201);
        }

        await agent.PostJsonAsync(Url, new { shortcut = "one-more", title = "T", text = "T" }, 409);
    }

    [Fact]
    public async Task AnotherTenantsAdmin_FindsNoneOfTheDemoTenantsResponses()
    {
        using var admin = await factory.SignInDemoAsync("admin");
        var shared = await admin.PostJsonAsync(Url, new { scope = "tenant", shortcut = Names.Unique("iso"), title = "Iso", text = "Isolated" }, 201);
        var other = await factory.CreateOtherTenantAsync();
        using var boss = await factory.SignInAsync(other.Slug, other.AdminUserName, other.AdminPassword);

        var list = Ids(await boss.JsonAsync(Url));
        await boss.JsonAsync($"{Url}/{shared.GetProperty("id").GetGuid()}", 404);
        using var put = await boss.PutJsonAsync($"{Url}/{shared.GetProperty("id").GetGuid()}", new { shortcut = "iso", title = "X", text = "X" }, "*");

        Assert.DoesNotContain(shared.GetProperty("id").GetGuid(), list);
        await put.ExpectAsync(404);
    }

    [Fact]
    public async Task Changes_AreAudited()
    {
        using var admin = await factory.SignInDemoAsync("admin");
        var shortcut = Names.Unique("audited");
        var created = await admin.PostJsonAsync(Url, new { scope = "tenant", shortcut, title = "A", text = "A" }, 201);
        using var delete = await admin.DeleteAsync($"{Url}/{created.GetProperty("id").GetGuid()}", Ct);
        await delete.ExpectAsync(204);

        var creates = await admin.JsonAsync("/api/v1/audit?action=canned-responses.create&limit=200");
        var deletes = await admin.JsonAsync("/api/v1/audit?action=canned-responses.delete&limit=200");

        Assert.Contains(creates.GetProperty("items").EnumerateArray(), e => e.GetProperty("summary").GetString()!.Contains($"/{shortcut}", StringComparison.Ordinal));
        Assert.Contains(deletes.GetProperty("items").EnumerateArray(), e => e.GetProperty("summary").GetString()!.Contains($"/{shortcut}", StringComparison.Ordinal));
    }

    private async Task<HttpClient> NewAgentAsync(HttpClient admin)
    {
        var name = Names.Unique("canned");
        await admin.CreateUserAsync(name, "agent");
        return await factory.SignInAsync(ParleyAppFactory.DemoTenant, name, HttpClientExtensions.UserPassword);
    }

    private static Guid[] Ids(JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetGuid())];
}
